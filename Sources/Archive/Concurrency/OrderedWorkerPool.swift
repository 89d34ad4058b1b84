import Foundation

/// Runs a transformation on several threads and hands the results out in the order the inputs
/// went in, with back-pressure: a submitter waits while too many items (or bytes) are in flight,
/// counted from submission until the consumer takes the result.
///
/// ```swift
/// let pool = OrderedWorkerPool<Job, Done>(name: "decode", workers: 2, maxItems: 64, maxBytes: 64 << 20) {
///     let builder = makeBuilder()        // per worker thread
///     return { job in builder.work(job) }
/// }
/// pool.submit(job, weight: job.size)     // producer thread
/// while case .element(let done) = pool.next() { ... }   // consumer thread
/// ```
final class OrderedWorkerPool<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Safe: `sequence` and `closed` are only touched with `lock` held; the queue, buffer and limiter
    // are thread-safe; `threads` is written once in init.
    private let queue: BoundedQueue<Job>
    private let results = ReorderBuffer<Done>()
    private let limiter: FlowLimiter
    private let lock = NSLock()
    private var sequence = 0
    private var closed = false
    private let cancelled = OnceFlag()
    private var threads: [WorkerThread] = []

    private struct Job: @unchecked Sendable {
        // Safe: an input is handed from the submitter to one worker, never shared.
        let sequence: Int
        let input: Input
        let weight: Int
    }

    private struct Done: @unchecked Sendable {
        // Safe: an output is handed from one worker to the consumer, never shared.
        let output: Output
        let weight: Int
    }

    /// A pool of `workers` threads; each calls `makeWorker` once, on its own thread, and then the
    /// closure it returns for each input.
    init(name: String, workers: Int, maxItems: Int, maxBytes: Int,
         makeWorker: @escaping @Sendable () -> (Input) -> Output) {
        queue = BoundedQueue(capacity: max(1, maxItems) + 1)
        limiter = FlowLimiter(maxItems: maxItems, maxBytes: maxBytes)
        let queue = self.queue, results = self.results, cancelled = self.cancelled
        threads = (0..<max(1, workers)).map { number in
            WorkerThread(name: "cairn.\(name).\(number)") {
                let work = makeWorker()
                while let job = queue.take() {
                    guard !cancelled.isSet else { continue }
                    results.insert(Done(output: work(job.input), weight: job.weight), at: job.sequence)
                }
            }
        }
    }

    /// Submits an input, waiting (blocking the thread) while the pool is full; false when the pool
    /// was cancelled or closed.
    @discardableResult
    func submit(_ input: Input, weight: Int) -> Bool {
        guard limiter.acquire(bytes: weight) else { return false }
        return enqueue(input, weight: weight)
    }

    /// Submits an input, waiting (suspending the task) while the pool is full; false when the pool
    /// was cancelled or closed.
    @discardableResult
    func submit(_ input: Input, weight: Int) async -> Bool {
        guard await limiter.acquire(bytes: weight) else { return false }
        return enqueue(input, weight: weight)
    }

    /// Puts a result that needs no work in the output order after everything submitted so far.
    @discardableResult
    func submitReady(_ output: Output) -> Bool {
        guard limiter.acquire(bytes: 0) else { return false }
        return insertReady(output)
    }

    /// Puts a result that needs no work in the output order, suspending while the pool is full.
    @discardableResult
    func submitReady(_ output: Output) async -> Bool {
        guard await limiter.acquire(bytes: 0) else { return false }
        return insertReady(output)
    }

    private func insertReady(_ output: Output) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            limiter.release(bytes: 0)
            return false
        }
        results.insert(Done(output: output, weight: 0), at: sequence)
        sequence += 1
        return true
    }

    private func enqueue(_ input: Input, weight: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else {
            limiter.release(bytes: weight)
            return false
        }
        queue.put(Job(sequence: sequence, input: input, weight: weight))
        sequence += 1
        return true
    }

    /// No more inputs: the consumer gets `.finished` after the last result.
    func close() {
        lock.lock()
        let wasClosed = closed
        closed = true
        let count = sequence
        lock.unlock()
        guard !wasClosed else { return }
        queue.close()
        results.close(count: count)
    }

    /// The next result in order, waiting for it until `deadline` (forever when nil).
    func next(until deadline: Date? = nil) -> ReorderBuffer<Output>.Taken {
        switch results.take(until: deadline) {
        case .element(let done):
            limiter.release(bytes: done.weight)
            return .element(done.output)
        case .timedOut:
            return .timedOut
        case .finished:
            return .finished
        }
    }

    /// Stops: submitters waiting or to come get false, workers skip what is left.
    func cancel() {
        cancelled.set()
        limiter.fail()
        close()
    }

    /// Waits for the worker threads to end (after `close` or `cancel`).
    func join() {
        for thread in threads { thread.join() }
    }
}

/// A flag set once, read from any thread.
final class OnceFlag: @unchecked Sendable {
    // Safe: `value` is only touched with `lock` held.
    private let lock = NSLock()
    private var value = false

    /// Sets the flag.
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    /// Whether the flag was set.
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
