import Foundation
import IMAPProtocol
import Testing
import TestSupport

/// Inputs the fuzzer (Fuzz/FuzzIMAPResponse) found, kept in `Tests/Fixtures/imap/fuzz/`: each must parse
/// to the same events and the same error however it is cut into chunks.
@Suite("ResponseParser: fuzzer regressions")
struct FuzzRegressionTests {
    static let inputs: [String] = {
        (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.url("imap/fuzz").path).sorted()) ?? []
    }()

    @Test("whole and chunked parses agree", arguments: inputs)
    func chunkingIndependence(_ name: String) throws {
        let bytes = try Fixtures.bytes("imap/fuzz/\(name)")
        let whole = ParseHarness.run(bytes)
        for size in 1...17 {
            #expect(ParseHarness.run(bytes, chunkSizes: [size]) == whole, "chunk size \(size)")
        }
    }
}
