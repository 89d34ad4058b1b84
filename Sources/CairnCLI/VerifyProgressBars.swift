import Archive
import Foundation

/// The progress bars of `cairn verify`: one per long check, replaced when the next check starts.
final class VerifyProgressBars: @unchecked Sendable {
    // Safe: every access to `current` takes the lock.
    private let lock = NSLock()
    private let mode: ProgressMode
    private var current: (check: VerificationCheck, bar: ProgressBar)?

    init(mode: ProgressMode) {
        self.mode = mode
    }

    /// Shows how far a check is.
    func update(_ progress: VerificationProgress) {
        lock.lock()
        defer { lock.unlock() }
        if current?.check != progress.check {
            current?.bar.finish()
            let label = progress.check == .messages ? "re-hashing" : "checking \(progress.check)"
            current = (progress.check, ProgressBar(label: label, total: progress.total, mode: mode))
        }
        current?.bar.update(done: progress.done, bytes: progress.bytes)
    }

    /// Erases the bar.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        current?.bar.finish()
        current = nil
    }
}
