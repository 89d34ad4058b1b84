import Foundation

/// Keeps a folder's checkpoint from moving past a message that failed to be archived.
///
/// The folder's store operations run on the pipeline's writer, in order with its messages; the first
/// one arms the guard with the pipeline's failure count, and each checkpoint asks whether any
/// message failed since. When one did (anywhere: failures are rare, and holding back costs only
/// a re-listing, never a re-download), the checkpoint keeps its old UIDNEXT, so that the next sync
/// tries the failed message again.
final class CheckpointGuard: @unchecked Sendable {
    // Safe: `armedAt` is only touched with `lock` held (in practice by the writer thread alone).
    private let lock = NSLock()
    private var armedAt: Int?

    /// Remembers the failure count (the first time only).
    func arm(failed: Int) {
        lock.lock()
        if armedAt == nil { armedAt = failed }
        lock.unlock()
    }

    /// Whether the checkpoint may move: no failure since the guard was armed.
    func allowsAdvance(failed: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return failed <= (armedAt ?? failed)
    }
}
