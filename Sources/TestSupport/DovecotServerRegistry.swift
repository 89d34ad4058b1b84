import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Keeps track of the test servers of this process: shared servers by name, and every server so that an
/// exit hook can stop those still running.
final class DovecotServerRegistry: Sendable {
    /// The process-wide registry.
    static let shared: DovecotServerRegistry = {
        let registry = DovecotServerRegistry()
        atexit { DovecotServerRegistry.shared.stopAll() }
        return registry
    }()

    private struct State {
        var named: [String: DovecotServer] = [:]
        var all: [DovecotServer] = []
    }

    private let state = Mutex(State())
    private let startLock = Mutex(())

    /// Remembers a started server.
    func add(_ server: DovecotServer) {
        state.withLock { $0.all.append(server) }
    }

    /// The server registered under a name, started by `make` on first use.
    func named(_ name: String, make: () throws -> DovecotServer) throws -> DovecotServer {
        try startLock.withLock { _ in
            if let existing = state.withLock({ $0.named[name] }) { return existing }
            let server = try make()
            state.withLock { $0.named[name] = server }
            return server
        }
    }

    /// Stops every server still running.
    func stopAll() {
        let servers = state.withLock { state -> [DovecotServer] in
            defer { state = State() }
            return state.all
        }
        for server in servers { server.stop() }
    }
}
