import Synchronization

/// Set once SIGINT or SIGTERM asked a run to stop; read from any thread.
final class StopRequest: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Asks the run to stop.
    func request() { flag.store(true, ordering: .relaxed) }

    /// Whether a stop was asked for.
    var isRequested: Bool { flag.load(ordering: .relaxed) }
}
