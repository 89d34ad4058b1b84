import Archive
import Foundation
import MailModel
import MailStore
import TestSupport
import Testing

/// The generated corpus imported as a Maildir++ tree, checked against the generator's ground truth.
@Suite("Import and search against the corpus ground truth")
struct ImportGroundTruthTests {
    @Test("every message is stored once, with its bytes exactly as they were")
    func storedOnceExactly() throws {
        let shared = try SharedCorpusArchive.get()
        let truth = shared.corpus.truth
        let copies = truth.messages.reduce(0) { $0 + $1.copies.count }
        #expect(shared.summary.read == copies)
        #expect(shared.summary.new == truth.messages.count)
        #expect(shared.summary.existing == copies - truth.messages.count)
        #expect(shared.summary.failed == 0)
        #expect(try shared.test.messageCount() == truth.messages.count)
        #expect(try shared.test.pendingIndexCount() == 0)
        #expect(try shared.test.documentCount() == truth.messages.count)
        for message in truth.messages {
            let ref = try shared.test.archive.resolve(message.id)
            var hasher = SHA256()
            try shared.test.archive.withRawBytes(of: ref.key) { hasher.update($0) }
            #expect(hasher.finalize().hex == message.sha256, "message \(message.index)")
        }
    }

    @Test("each message is filed in the folders it was found in, with its Maildir flags")
    func foldersAndFlags() throws {
        let shared = try SharedCorpusArchive.get()
        let letters: [Character: String] = ["D": "draft", "F": "flagged", "P": "$forwarded", "R": "answered", "S": "seen",
                                            "T": "deleted"]
        for message in shared.corpus.truth.messages {
            let key = try shared.test.archive.resolve(message.id).key
            let summary = try shared.test.archive.details(of: key).summary
            #expect(Set(summary.folders.map(\.folder.path)) == Set(message.copies.map(\.folder)), "message \(message.index)")
            #expect(Set(summary.folders.map(\.account)) == [ImportRequest.defaultAccount])
            let flags = Set(message.copies.flatMap { $0.flags.compactMap { letters[$0] } })
            #expect(Set(summary.flags.map(\.name)) == flags, "message \(message.index)")
        }
    }

    @Test("planted words and phrases are found exactly where they are, in every field")
    func plantedTerms() throws {
        let shared = try SharedCorpusArchive.get()
        let truth = shared.corpus.truth
        let fieldPrefix = ["free": "", "subject": "subject:", "body": "body:", "filename": "attachment:", "from": "from:",
                           "to": "to:", "cc": "cc:"]
        var checked = 0
        for (term, entry) in truth.terms {
            let group = entry.foldGroup.map { name in truth.terms.filter { $0.value.foldGroup == name }.map(\.value) } ?? [entry]
            for (field, prefix) in fieldPrefix {
                let expected = Set(group.flatMap { $0.messages[field] ?? [] }).sorted()
                let value = term.contains(" ") ? "\"\(term)\"" : term
                let found = try shared.indexes(prefix + value)
                #expect(found == expected, "\(prefix + value)")
                checked += 1
            }
        }
        #expect(checked >= 100)
        // The accent-free spelling finds both spellings.
        #expect(try shared.indexes("cremebrulerie") == (truth.foldGroups["cremebrulerie"] ?? []).sorted())
    }

    @Test("from:, to: and cc: with a whole address find exactly the messages that carry it")
    func addresses() throws {
        let shared = try SharedCorpusArchive.get()
        let messages = shared.corpus.truth.messages
        let roles: [(String, KeyPath<CorpusTruth.Message, [CorpusTruth.Person]>)] = [("from", \.from), ("to", \.to), ("cc", \.cc)]
        for (field, path) in roles {
            let addresses = Set(messages.flatMap { $0[keyPath: path].map { $0.address.lowercased() } }).filter { !$0.isEmpty }
            for address in addresses.sorted().prefix(25) {
                let expected = messages.filter { $0[keyPath: path].contains { $0.address.lowercased() == address } }
                    .map(\.index).sorted()
                #expect(try shared.indexes("\(field):\(address)") == expected, "\(field):\(address)")
            }
        }
    }

    @Test("date: finds exactly the messages of a year and of a month, in UTC")
    func dates() throws {
        let shared = try SharedCorpusArchive.get()
        let messages = shared.corpus.truth.messages
        for year in 2015...2024 {
            let expected = messages.filter { $0.date?.hasPrefix("\(year)-") == true }.map(\.index).sorted()
            #expect(try shared.indexes("date:\(year)") == expected, "date:\(year)")
        }
        for month in ["2016-02", "2019-07", "2023-12"] {
            let expected = messages.filter { $0.date?.hasPrefix(month) == true }.map(\.index).sorted()
            #expect(try shared.indexes("date:\(month)") == expected, "date:\(month)")
        }
        let undated = messages.filter { $0.date == nil }.map(\.index)
        let dated = try shared.indexes("date:2015..2024")
        #expect(dated.count == messages.count - undated.count)
    }

    @Test("subject: finds the words of subjects, and a search by Message-ID finds its message")
    func subjectsAndIDs() throws {
        let shared = try SharedCorpusArchive.get()
        for message in shared.corpus.truth.messages.prefix(40) {
            guard let header = message.messageID, message.malformed.isEmpty else { continue }
            let bare = header.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            #expect(try shared.indexes("id:\(bare)") == [message.index], "id:\(bare)")
        }
        for term in ["zephyrlux"] {
            let expected = (shared.corpus.truth.terms[term]?.messages["subject"] ?? []).sorted()
            #expect(try shared.indexes("subject:\(term)") == expected)
        }
    }
}
