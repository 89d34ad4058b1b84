import MailModel
import MailStore
import Synchronization

/// A settable clock for the store, so times in tests are known.
final class TestClock: Sendable {
    private let seconds: Mutex<Int64>

    init(_ start: Int64 = 1_700_000_000) {
        seconds = Mutex(start)
    }

    var now: Timestamp { Timestamp(rawValue: seconds.withLock { $0 }) }

    func advance(by delta: Int64) {
        seconds.withLock { $0 += delta }
    }

    /// Store options (read-write unless told) that read this clock.
    func options(_ access: MailStore.Options.Access = .readWrite) -> MailStore.Options {
        var options = MailStore.Options(access: access)
        options.clock = { [self] in self.now }
        return options
    }
}
