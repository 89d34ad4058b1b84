import Dispatch

/// Runs blocking work (starting a server, writing a Maildir) on a Dispatch thread, so that it does not
/// occupy one of the few threads of Swift's cooperative pool that the tests' async code runs on.
public enum Blocking {
    /// Runs `work` off the cooperative pool and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
