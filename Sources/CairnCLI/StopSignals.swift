import Dispatch
import Foundation

/// Catches SIGINT and SIGTERM while a sync or an import runs: the first asks it to stop cleanly (commit
/// what was fetched or read), a second one stops at once. `handler` hears whether the signal was the first.
final class StopSignals: @unchecked Sendable {
    // Safe: `count` is only touched with `lock` held; `sources` is written once in init and read in
    // `stop`, which the owner calls once.
    private let lock = NSLock()
    private var count = 0
    private var sources: [DispatchSourceSignal] = []
    private static let caught = [SIGINT, SIGTERM]

    /// Starts catching.
    init(_ handler: @escaping @Sendable (_ first: Bool) -> Void) {
        for number in StopSignals.caught {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in handler((self?.next() ?? 2) == 1) }
            source.resume()
            sources.append(source)
        }
    }

    private func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }

    /// Stops catching: the signals do what they do by default again.
    func stop() {
        for source in sources { source.cancel() }
        sources = []
        for number in StopSignals.caught { signal(number, SIG_DFL) }
    }
}
