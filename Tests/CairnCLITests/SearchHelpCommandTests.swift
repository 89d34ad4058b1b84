import Foundation
import MailQuery
import TestSupport
import Testing

@Suite("cairn search --help and --explain")
struct SearchHelpCommandTests {
    @Test("--help lists every field of the table with its help and an example")
    func help() throws {
        let result = try CairnProcess.run(["search", "--help"])
        #expect(result.status == 0)
        let text = result.text.replacingOccurrences(of: "\n", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for field in SearchField.all {
            #expect(text.contains(field.name + ":"), "\(field.name)")
            #expect(text.contains(field.example), "\(field.example)")
        }
        for option in ["--where", "--account", "--threads", "--save", "--explain"] {
            #expect(result.text.contains(option))
        }
    }

    @Test("--explain shows the meaning, the Xapian query and the exact UID SEARCH command")
    func explain() throws {
        let shared = try SharedCLIArchive.get()
        let result = try shared.run(["search", "--explain", "from:ann", "subject:\"quarterly report\"", "-flag:seen", "size:>1M"])
        #expect(result.status == 0)
        #expect(result.text.contains("from: the word(s) \"ann\" in names or addresses"))
        #expect(result.text.contains("xapian:    Query("))
        #expect(result.text.contains("imap:      UID SEARCH FROM ann SUBJECT \"quarterly report\" UNSEEN LARGER 1048576\n"))
        #expect(result.text.contains("UID SEARCH RETURN (ALL) FROM ann"))
        let refused = try shared.run(["search", "--explain", "budget", "thread:abc", "has:attachment"])
        #expect(refused.status == 0)
        #expect(refused.text.contains("imap:      none"))
        #expect(refused.text.contains("thread:<abc>  (threads are known only to the archive)"))
        #expect(refused.text.contains("has:attachment  ("))
        let auto = try shared.run(["search", "--explain", "--where", "auto", "budget"])
        #expect(auto.text.contains("where:     auto"))
    }

    @Test("--where remote refuses what IMAP SEARCH cannot express, naming each part (exit 2)")
    func remoteRefusal() throws {
        let shared = try SharedCLIArchive.get()
        let result = try shared.run(["search", "--where", "remote", "budget", "thread:abc", "mime:image/*"])
        #expect(result.status == 2)
        #expect(result.error.contains("thread:<abc>"))
        #expect(result.error.contains("mime:image/*"))
        #expect(!result.error.contains("budget"))
        let noAccounts = try shared.run(["search", "--where", "remote", "budget"])
        #expect(noAccounts.status == 2)
        #expect(noAccounts.error.contains("no accounts"))
        let auto = try shared.run(["search", "--where", "auto", "--format", "ids", "xylofrond"])
        let local = try shared.run(["search", "--format", "ids", "xylofrond"])
        #expect(auto.status == 0 && auto.text == local.text, "auto without accounts is the archive's answer")
    }
}
