@testable import Archive
import Foundation
import Synchronization
import Testing

@Suite struct WorkerThreadTests {
    @Test func theKernelKnowsTheThreadByItsName() {
        let seen = Mutex<String?>(nil)
        let thread = WorkerThread(name: "cairn.ingest.index") {
            // The kernel's own record of the calling thread's name.
            let name = try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)
            seen.withLock { $0 = name?.trimmingCharacters(in: .newlines) }
        }
        thread.join()
        #expect(seen.withLock { $0 } == "ingest.index")
    }

    @Test(arguments: [
        ("cairn.ingest.writer", "ingest.writer"),
        ("cairn.reindex.feeder", "reindex.feeder"),
        ("cairn.decode.12", "decode.12"),
        ("a-very-long-thread-name", "a-very-long-thr"),
        ("cairn.déjà-vu-déjà-vu", "déjà-vu-déj"),
    ])
    func kernelNamesFitFifteenBytes(name: String, expected: String) {
        let kernelName = WorkerThread.kernelName(name)
        #expect(kernelName == expected)
        #expect(kernelName.utf8.count <= 15)
    }
}
