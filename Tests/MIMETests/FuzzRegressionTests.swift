import Foundation
import NIOCore
import Testing
import TestSupport
@testable import MIME

/// Inputs the fuzzers found (`Tests/Fixtures/mime-fuzz/`), re-run as FuzzMIME runs them: whole and
/// in chunks whose sizes come from the bytes themselves.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs() -> [String] {
        let folder = Fixtures.url("mime-fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted()
    }

    @Test("each input decodes the same whole and in the fuzzer's chunks", arguments: inputs())
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
}
