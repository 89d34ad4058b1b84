import Foundation
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// Writes one file per message on its own thread, fed through a bounded queue: the fetch loop hands
/// chunks over and waits only while the writer is more than `limit` bytes behind (back-pressure, the way
/// the archive's ingest overlaps fetching and writing). For the fetch benchmark.
final class BackgroundFileWriter: @unchecked Sendable {  // all mutable state is guarded by `condition`
    /// One step of the stream of files.
    enum Item: Sendable {
        case open(String)
        case bytes(ByteBuffer)
        case close
    }

    private let condition = NSCondition()
    private let limit: Int
    private var items: [Item] = []
    private var queuedBytes = 0
    private var ending = false
    private var ended = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var finishWaiter: CheckedContinuation<Void, Never>?

    /// Starts the writer thread; `limit` is how many bytes may wait in the queue.
    init(limit: Int) {
        self.limit = limit
        let thread = Thread { [self] in run() }
        thread.start()
    }

    /// Queues an item, waiting first while the writer is too far behind.
    func submit(_ item: Item) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            if queuedBytes > limit {
                waiters.append(continuation)
                condition.unlock()
            } else {
                condition.unlock()
                continuation.resume()
            }
        }
        enqueue(item)
    }

    private func enqueue(_ item: Item) {
        condition.lock()
        items.append(item)
        if case .bytes(let chunk) = item { queuedBytes += chunk.readableBytes }
        condition.signal()
        condition.unlock()
    }

    /// Writes what is queued, then stops the thread.
    func finish() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            ending = true
            condition.signal()
            if ended {
                condition.unlock()
                continuation.resume()
            } else {
                finishWaiter = continuation
                condition.unlock()
            }
        }
    }

    private func run() {
        var fd: Int32 = -1
        while true {
            condition.lock()
            while items.isEmpty && !ending { condition.wait() }
            let batch = items
            items.removeAll(keepingCapacity: true)
            let last = ending && batch.isEmpty
            condition.unlock()
            if last { break }
            var written = 0
            for item in batch {
                switch item {
                case .open(let path): fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
                case .bytes(let chunk):
                    if fd >= 0 { _ = chunk.withUnsafeReadableBytes { write(fd, $0.baseAddress, $0.count) } }
                    written += chunk.readableBytes
                case .close:
                    if fd >= 0 { close(fd) }
                    fd = -1
                }
            }
            condition.lock()
            queuedBytes -= written
            let resume = queuedBytes <= limit / 2 ? waiters : []
            if !resume.isEmpty { waiters.removeAll() }
            condition.unlock()
            resume.forEach { $0.resume() }
        }
        condition.lock()
        ended = true
        let resume = waiters + (finishWaiter.map { [$0] } ?? [])
        waiters.removeAll()
        finishWaiter = nil
        condition.unlock()
        resume.forEach { $0.resume() }
    }
}
