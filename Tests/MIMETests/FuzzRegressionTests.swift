import Foundation
import NIOCore
import Testing
import TestSupport
@testable import MIME

/// Inputs the fuzzers found (`Tests/Fixtures/mime-fuzz/`), re-run as FuzzMIME runs them: whole and
/// in chunks whose sizes come from the bytes themselves.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ suffix: String) -> [String] {
        let folder = Fixtures.url("mime-fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    @Test("each input decodes the same whole and in the fuzzer's chunks", arguments: inputs(".eml"))
    func replay(_ name: String) throws {
        let bytes = try Fixtures.bytes("mime-fuzz/\(name)")
        var options = MIMEOptions()
        options.maxParts = 200
        options.maxDepth = 20
        let whole = MessageDecoder.decode(bytes, options: options)
        var decoder = MessageDecoder(options: options)
        var index = 0
        while index < bytes.count {
            let end = min(index + Int(bytes[index] % 61) + 1, bytes.count)
            decoder.feed(bytes[index..<end])
            index = end
        }
        let chunked = decoder.finish()
        #expect(chunked.parts == whole.parts)
        #expect(chunked.warnings == whole.warnings)
    }

    @Test("each mbox splits the same in any chunking and survives an mboxrd round trip", arguments: inputs(".mbox"))
    func mbox(_ name: String) throws {
        let bytes = try Fixtures.bytes("mime-fuzz/\(name)")
        let messages = MboxTests.read(bytes).map(\.bytes)
        #expect(MboxTests.read(bytes, .random3).map(\.bytes) == messages)
        var writer = MboxWriter(variant: .mboxrd)
        var file = ByteBuffer()
        for message in messages {
            file.writeImmutableBuffer(writer.beginMessage(sender: "fuzz@example.org", date: .init(rawValue: 0)))
            file.writeImmutableBuffer(writer.write(ByteBuffer(bytes: message)))
            file.writeImmutableBuffer(writer.endMessage())
        }
        let again = MboxTests.read(file.bytes).map(\.bytes)
        #expect(again.count == messages.count)
        for (index, (before, after)) in zip(messages, again).enumerated() {
            let expected = before.isEmpty || before.last == 10 ? before : before + [10]
            if after != expected {
                Issue.record("message \(index) changed: \(String(decoding: expected.suffix(120), as: UTF8.self).debugDescription) became \(String(decoding: after.suffix(120), as: UTF8.self).debugDescription)")
            }
        }
    }
}
