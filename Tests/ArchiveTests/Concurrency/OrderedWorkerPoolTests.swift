@testable import Archive
import TestSupport
import Foundation
import Testing

@Suite("Ordered worker pool")
struct OrderedWorkerPoolTests {
    @Test("results come out in input order even when workers finish out of order")
    func order() {
        let pool = OrderedWorkerPool<Int, Int>(name: "test", workers: 4, maxItems: 16, maxBytes: 1 << 20) {
            return { value in
                usleep(useconds_t((value * 7919) % 5 * 1000))
                return value * 2
            }
        }
        let producer = Thread {
            for value in 0..<200 { pool.submit(value, weight: 1) }
            pool.close()
        }
        producer.start()
        var outputs: [Int] = []
        while case .element(let value) = pool.next() { outputs.append(value) }
        pool.join()
        #expect(outputs == (0..<200).map { $0 * 2 })
    }

    @Test("ready results keep their place between worked ones")
    func readyResults() {
        let pool = OrderedWorkerPool<Int, String>(name: "test", workers: 2, maxItems: 8, maxBytes: 1 << 20) {
            return { value in "w\(value)" }
        }
        pool.submit(1, weight: 1)
        pool.submitReady("op")
        pool.submit(2, weight: 1)
        pool.close()
        var outputs: [String] = []
        while case .element(let value) = pool.next() { outputs.append(value) }
        pool.join()
        #expect(outputs == ["w1", "op", "w2"])
    }

    @Test("a submitter waits while too many bytes are in flight; a lone large item still passes")
    func bytesLimit() {
        let limiter = FlowLimiter(maxItems: 100, maxBytes: 1000)
        #expect(limiter.acquire(bytes: 5000))
        let admitted = LockedCounter()
        let waiter = Thread {
            if limiter.acquire(bytes: 10) { admitted.increment() }
        }
        waiter.start()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(admitted.value == 0)
        limiter.release(bytes: 5000)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(admitted.value == 1)
    }

    @Test("a failed limiter refuses waiting and later submitters")
    func failure() async {
        let limiter = FlowLimiter(maxItems: 1, maxBytes: 10)
        #expect(await limiter.acquire(bytes: 1))
        async let waiting = limiter.acquire(bytes: 1)
        try? await Task.sleep(for: .milliseconds(100))
        limiter.fail()
        #expect(await waiting == false)
        #expect(await limiter.acquire(bytes: 1) == false)
    }

    @Test("the reorder buffer times out while the next element is missing")
    func reorderTimeout() {
        let buffer = ReorderBuffer<Int>()
        buffer.insert(11, at: 1)
        guard case .timedOut = buffer.take(until: Date().addingTimeInterval(0.05)) else {
            Issue.record("element 1 must wait for element 0")
            return
        }
        buffer.insert(10, at: 0)
        buffer.close(count: 2)
        var taken: [Int] = []
        while case .element(let value) = buffer.take() { taken.append(value) }
        #expect(taken == [10, 11])
    }

    @Test("a queue keeps no taken element alive")
    func queueReleasesTaken() {
        final class Payload {}
        let queue = BoundedQueue<Payload>(capacity: 4)
        weak var taken: Payload?
        do {
            let payload = Payload()
            taken = payload
            queue.put(payload)
            queue.put(Payload())
            _ = queue.take()
        }
        #expect(taken == nil)
    }
}
