import Foundation
import MailIndex
import Testing

@Suite struct IndexConfigurationTests {
    /// A manifest in a fresh folder; the folder is removed afterwards.
    private func load(_ manifest: String) throws -> IndexConfiguration {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cairn-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try manifest.write(toFile: directory + "/" + IndexConfiguration.manifestName, atomically: true, encoding: .utf8)
        return try IndexConfiguration.load(directory: directory)
    }

    /// Edited by hand on another system: CRLF line ends, tabs and spaces around lines, blank lines
    /// and comments.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func readsAnyLineEnding(_ end: String) throws {
        let lines = ["# shards", "routing account", "\tlanguage german  ", "", "local work account-work",
                     "remote far 127.0.0.1:33445"]
        let config = try load(lines.joined(separator: end) + end)
        #expect(config.routing == .account)
        #expect(config.language == "german")
        #expect(config.shards.map(\.name) == ["work", "far"])
        #expect(config.shards.map(\.location) == [.local(path: "account-work"), .remote(host: "127.0.0.1", port: 33445)])
    }

    @Test func aBadLineSaysWhichLine() throws {
        do {
            _ = try load("routing single\r\nlocal onlyname\r\n")
            Issue.record("a line with a missing path was accepted")
        } catch {
            #expect(String(describing: error).contains("line 2"))
        }
    }
}
