import Foundation
import MailIndex
import MailModel
import MailStore

/// Takes messages into the archive, fast and in order, with memory that does not grow with the
/// number of messages.
///
/// A source (an import loop, an IMAP fetch loop) makes each message with
/// ``newMessage(sighting:label:expectedSize:)``, appends its bytes as they arrive, and submits it.
/// Worker threads hash it; a message archived already skips decoding (only its sighting is
/// recorded); a new one is decoded and its index document built. One writer stores messages in
/// big batches (bytes, metadata, sighting and audit entry of each, in one transaction), stages each
/// batch in the index (committed every few thousand documents or every second), and reports results
/// in submission order once their batch is committed in both. When the
/// pipeline is full (``IngestOptions``), `submit` waits: a slow stage slows the source.
///
/// ```swift
/// let pipeline = try IngestPipeline(archive: archive) { result in progress.update(result) }
/// for file in files {
///     let message = pipeline.newMessage(sighting: seen(file), label: file.path)
///     try message.append(contentsOf: file)
///     try pipeline.submit(message)
/// }
/// try pipeline.perform { tx, summary in try tx.appendAudit(...) }   // ordered after the messages
/// let summary = try pipeline.finish()
/// ```
public final class IngestPipeline: @unchecked Sendable {
    // Safe: the pool and the state box are thread-safe; `writerThread` is set once in init.
    private let pool: OrderedWorkerPool<IncomingMessage, IngestItem>
    private let options: IngestOptions
    private let state = PipelineState()
    private var writerThread: WorkerThread!

    /// Starts the workers and the writer on a writable archive; `onResult` hears about every
    /// submitted item, in submission order, on the index thread, once it is committed.
    public init(archive: MailArchive, options: IngestOptions = IngestOptions(),
                onResult: @escaping @Sendable (IngestResult) -> Void = { _ in }) throws {
        let index = try archive.requireIndexWriter()
        let store = archive.store
        self.options = options
        let language = index.language
        pool = OrderedWorkerPool(name: "ingest", workers: archive.options.workerCount,
                                 maxItems: options.maxInFlightMessages, maxBytes: options.maxInFlightBytes) {
            let worker = IngestWorker(store: store, language: language)
            return { message in worker.process(message) }
        }
        let pool = self.pool, state = self.state
        writerThread = WorkerThread(name: "cairn.ingest.writer") {
            let writer = IngestWriter(store: store, index: index, options: options,
                                      next: { pool.next(until: $0) }, onResult: onResult)
            do {
                try writer.run()
                state.finish(writer.summary)
            } catch {
                state.fail(error, summary: writer.summary)
                pool.cancel()
            }
        }
    }

    /// A new message to fill and submit; `expectedSize` (when known, e.g. a file's) saves copies.
    public func newMessage(sighting: Sighting, label: String, expectedSize: Int = 0) -> IncomingMessage {
        IncomingMessage(sighting: sighting, label: label,
                        spool: MessageSpool(temporaryDirectory: options.temporaryDirectory,
                                            memoryLimit: options.spoolMemoryLimit, expectedSize: expectedSize))
    }

    /// Submits a filled message, waiting (blocking this thread) while the pipeline is full. Throws
    /// when the pipeline has stopped (the writer failed: the error says why).
    public func submit(_ message: IncomingMessage) throws {
        guard pool.submit(message, weight: message.byteCount) else { throw state.stoppedError }
    }

    /// Submits a filled message, waiting (suspending this task) while the pipeline is full.
    public func submit(_ message: IncomingMessage) async throws {
        guard await pool.submit(message, weight: message.byteCount) else { throw state.stoppedError }
    }

    /// Reports, in order, a message that could not even be read (it counts as failed).
    public func reportFailure(label: String, sighting: Sighting? = nil, size: Int = 0, reason: String) throws {
        guard pool.submitReady(.failed(label: label, sighting: sighting, size: size, reason: reason)) else {
            throw state.stoppedError
        }
    }

    /// Runs `operation` in the writer's transaction after every message submitted before it and
    /// before every message submitted after it; with `commit`, the batch is committed right after
    /// it. An operation that throws stops the pipeline (its batch is rolled back).
    public func perform(commit: Bool = false, _ operation: @escaping IngestOperation) throws {
        guard pool.submitReady(.operation(operation, commit: commit)) else { throw state.stoppedError }
    }

    /// The async twin of ``perform(commit:_:)``.
    public func perform(commit: Bool = false, _ operation: @escaping IngestOperation) async throws {
        guard await pool.submitReady(.operation(operation, commit: commit)) else { throw state.stoppedError }
    }

    /// No more submissions: waits until everything submitted is committed and returns the counts,
    /// or throws what stopped the pipeline.
    public func finish() throws -> IngestSummary {
        pool.close()
        writerThread.join()
        pool.join()
        return try state.result()
    }

    /// The async twin of ``finish()``: waits on another thread.
    public func finish() async throws -> IngestSummary {
        pool.close()
        let writerThread = self.writerThread!, pool = self.pool
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            _ = WorkerThread(name: "cairn.ingest.join") {
                writerThread.join()
                pool.join()
                continuation.resume()
            }
        }
        return try state.result()
    }

    /// Stops taking messages; what is committed stays committed. `finish` then returns.
    public func cancel() {
        state.cancel()
        pool.cancel()
    }
}

/// The pipeline's outcome, shared between its writer thread and its callers.
final class PipelineState: @unchecked Sendable {
    // Safe: every access happens with `lock` held.
    private let lock = NSLock()
    private var error: (any Error)?
    private var summary: IngestSummary?
    private var cancelled = false

    /// The writer ended well.
    func finish(_ summary: IngestSummary) {
        lock.lock()
        self.summary = summary
        lock.unlock()
    }

    /// The writer failed.
    func fail(_ error: any Error, summary: IngestSummary) {
        lock.lock()
        self.error = error
        self.summary = summary
        lock.unlock()
    }

    /// The caller cancelled.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Why submissions are refused.
    var stoppedError: any Error {
        lock.lock()
        defer { lock.unlock() }
        if let error { return error }
        return IngestStoppedError(cancelled: cancelled)
    }

    /// The summary, or the writer's error.
    func result() throws -> IngestSummary {
        lock.lock()
        defer { lock.unlock() }
        if let error { throw error }
        return summary ?? IngestSummary()
    }
}

/// A submission to a pipeline that was finished or cancelled.
public struct IngestStoppedError: Error, Sendable, CustomStringConvertible {
    /// Whether it was cancelled (else finished).
    public var cancelled: Bool

    /// Says why.
    public var description: String {
        cancelled ? "the ingest pipeline was cancelled" : "the ingest pipeline is finished; nothing more can be submitted"
    }
}
