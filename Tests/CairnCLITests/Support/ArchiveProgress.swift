import Archive
import Foundation

/// What a running `cairn` has committed to an archive, read from outside as another process would:
/// lets a test act on a real event ("40 messages are in") instead of a guessed delay.
enum ArchiveProgress {
    /// The number of messages committed in the archive at `home`, or nil while it cannot be opened
    /// (not created yet, or a writer is creating it).
    static func storedMessages(in home: String) async -> Int? {
        guard let archive = try? MailArchive.open(home: URL(fileURLWithPath: home), access: .readOnly) else { return nil }
        defer { try? archive.close() }
        return try? await archive.store.read { try $0.messageCount() }
    }

    /// Waits until the archive at `home` holds at least `count` messages while `running()` is true:
    /// true if it does with the run still going, false if the run ended first or `timeout` passed.
    static func waitForMessages(_ count: Int, in home: String, timeout: Duration = .seconds(120),
                                while running: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, running() {
            if let stored = await storedMessages(in: home), stored >= count { return running() }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// A kill target between `stored` and `total`: at least one message further, and short of the end
    /// so that the run is still working when it is reached.
    static func target(stored: Int, total: Int, using random: inout some RandomNumberGenerator) -> Int {
        let ahead = Double(total - stored) * Double.random(in: 0.05...0.3, using: &random)
        return stored + max(1, Int(ahead))
    }
}
