import Foundation
import TestSupport
import Testing

@Suite("cairn show, stats and reindex")
struct ShowCommandTests {
    @Test("--raw gives back every byte exactly as imported")
    func raw() throws {
        let shared = try SharedCLIArchive.get()
        for message in shared.corpus.truth.messages.prefix(30) {
            let copy = try #require(message.copies.first)
            let original = try Data(contentsOf: shared.corpus.directory.appendingPathComponent(copy.path))
            let shown = try shared.run(["show", message.id, "--raw"])
            #expect(shown.status == 0)
            #expect(shown.output == Array(original), "message \(message.index)")
        }
    }

    @Test("--headers, --text, --part and the readable form")
    func views() throws {
        let shared = try SharedCLIArchive.get()
        let truth = shared.corpus.truth
        let withAttachment = try #require(truth.messages.first { !$0.malformed.isEmpty == false && $0.copies.count == 1
            && (try? Data(contentsOf: shared.corpus.directory.appendingPathComponent($0.copies[0].path)))
                .map { String(decoding: $0, as: UTF8.self).contains("Content-Disposition: attachment") } == true })
        let headers = try shared.run(["show", withAttachment.id, "--headers"])
        #expect(headers.text.hasSuffix("\n\n") || headers.text.hasSuffix("\r\n\r\n"))
        #expect(headers.text.contains("Message-ID:") || headers.text.contains("Message-Id:"))
        let readable = try shared.run(["show", String(withAttachment.id.prefix(8))])
        #expect(readable.status == 0)
        #expect(readable.text.contains(withAttachment.id))
        #expect(readable.text.contains("attachments:"))
        let text = try shared.run(["show", withAttachment.id, "--text"])
        #expect(text.status == 0 && !text.output.isEmpty)
        let part = try shared.run(["show", withAttachment.id, "--part", "2"])
        #expect(part.status == 0 && !part.output.isEmpty)
        let noPart = try shared.run(["show", withAttachment.id, "--part", "9.9"])
        #expect(noPart.status == 2)
    }

    @Test("an id that names no message, or several, or is no id, is exit 2", arguments: [
        "0000000000000000", "xyz", "12345",
    ])
    func badIDs(id: String) throws {
        let shared = try SharedCLIArchive.get()
        let result = try shared.run(["show", id])
        #expect(result.status == 2)
        #expect(!result.error.isEmpty)
    }

    @Test("stats counts messages and folders; reindex keeps every result")
    func statsAndReindex() throws {
        let corpus = try GeneratedCorpus.make(count: 150, seed: 3, folders: 3)
        let home = CLIHome()
        #expect(try home.run(["import", "maildir", corpus.directory.path]).status == 0)
        let stats = try #require(JSONSerialization.jsonObject(with: Data(try home.run(["stats", "--format", "json"]).output))
                                 as? [String: Any])
        #expect(stats["messages"] as? Int == corpus.truth.messages.count)
        #expect((stats["folders"] as? [Any])?.count == 3)
        #expect((stats["index"] as? [String: Any])?["pending"] as? Int == 0)
        let queries = [["zorvikant"], ["from:robin@home.example"], ["date:2019"], ["\"quorvel zintaro\""]]
        let before = try queries.map { try home.run(["search", "--format", "ids"] + $0).text }
        let reindexed = try home.run(["reindex"])
        #expect(reindexed.status == 0, "\(reindexed.error)")
        #expect(reindexed.text.contains("reindexed \(corpus.truth.messages.count) messages"))
        #expect(try queries.map { try home.run(["search", "--format", "ids"] + $0).text } == before)
        #expect(try home.run(["stats"]).text.contains("messages:"))
    }
}
