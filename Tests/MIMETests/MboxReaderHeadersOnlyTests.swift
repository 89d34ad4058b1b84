import MIME
import NIOCore
import Testing

/// Regression: a message of headers only (no blank line of its own) exported to an mbox and read
/// back must not gain the separator line (found by the export round trip on cpython-0036.eml).
@Suite struct MboxReaderHeadersOnlyTests {
    static func messages(_ text: String, chunk: Int) -> [[UInt8]] {
        var reader = MboxReader()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            reader.feed(bytes[start..<min(bytes.count, start + chunk)])
            start += chunk
        }
        reader.finish()
        var result: [[UInt8]] = []
        while let event = reader.next() {
            switch event {
            case .messageBegin: result.append([])
            case .messageBytes(let buffer): result[result.count - 1] += buffer.readableBytesView
            default: break
            }
        }
        return result
    }

    @Test(arguments: [1, 3, 4096])
    func headersOnlyMessageKeepsItsBytes(chunk: Int) {
        let mbox = "From a@x Sat Nov 28 04:30:05 2026\nFrom: a@x\nSubject: s\n\nFrom b@x Sat Nov 28 04:30:05 2026\nSubject: t\n\nbody\n\n"
        let read = MboxReaderHeadersOnlyTests.messages(mbox, chunk: chunk)
        #expect(read == [Array("From: a@x\nSubject: s\n".utf8), Array("Subject: t\n\nbody\n".utf8)])
    }

    @Test(arguments: [1, 4096])
    func emptyBodyAfterTheBlankLineStillReadsBack(chunk: Int) {
        let mbox = "From a@x Sat Nov 28 04:30:05 2026\nSubject: s\n\n\nFrom b@x Sat Nov 28 04:30:05 2026\nSubject: t\n\n\n"
        let read = MboxReaderHeadersOnlyTests.messages(mbox, chunk: chunk)
        #expect(read == [Array("Subject: s\n\n".utf8), Array("Subject: t\n\n".utf8)])
    }
}
