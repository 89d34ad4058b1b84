import NIOCore
import Testing
@testable import MIME

@Suite("Part extractor")
struct PartExtractorTests {
    private func extract(_ selection: PartExtractor.Selection, _ chunking: Chunking) -> [(String, [UInt8])] {
        var extractor = PartExtractor(selection)
        var results: [Int: (String, [UInt8])] = [:]
        var order: [Int] = []
        func drain() {
            while let output = extractor.next() {
                switch output {
                case .begin(let part):
                    results[part.index] = (part.path.description, [])
                    order.append(part.index)
                case .bytes(let index, let bytes):
                    results[index]?.1.append(contentsOf: bytes.readableBytesView)
                case .end:
                    break
                }
            }
        }
        for chunk in chunking.split(Array(MIMEReaderTests.nested.utf8)) {
            extractor.feed(chunk)
            drain()
        }
        extractor.finish()
        drain()
        return order.map { results[$0]! }
    }

    @Test("one part by its path, decoded, in any chunking", arguments: Chunking.allCases)
    func onePart(_ chunking: Chunking) {
        let result = extract(.part(PartPath("2.2")!), chunking)
        #expect(result.count == 1)
        #expect(result.first?.1 == [0, 1, 2, 3, 4, 5])
        let quoted = extract(.part(PartPath("1.1")!), chunking)
        #expect(quoted.first?.1 == Array("café".utf8))
    }

    @Test("an encapsulated message comes out as the message itself")
    func message() {
        let result = extract(.part(PartPath("2")!), .whole)
        #expect(result.count == 1)
        let text = String(decoding: result[0].1, as: UTF8.self)
        #expect(text.hasPrefix("From: b@example.org\n"))
        #expect(text.hasSuffix("--deep--"))
    }

    @Test("every attachment, nested ones included")
    func attachments() {
        #expect(extract(.attachments, .random2).map(\.0) == ["2", "2.2"])
    }

    @Test("paths parse and print", arguments: ["1", "1.2.3", "2.uu1", ""])
    func paths(_ text: String) {
        #expect(PartPath(text)?.description == text)
    }

    @Test("malformed paths are refused", arguments: ["0", "1.", ".1", "a", "1.uu0", "uu1", "1.uu1.2", "-1"])
    func badPaths(_ text: String) {
        #expect(PartPath(text) == nil)
    }
}
