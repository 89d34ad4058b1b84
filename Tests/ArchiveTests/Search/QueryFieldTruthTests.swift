import Archive
import Foundation
import MailQuery
import Testing

/// Fields against the generator's ground truth, exactly (no missing, no extra result), at the
/// boundaries of dates and sizes. Planted words, addresses and whole years and months are checked in
/// `ImportGroundTruthTests`; this suite fills the rest.
@Suite("Query fields against the corpus truth")
struct QueryFieldTruthTests {
    private func check(_ query: String, _ predicate: (SearchTruthArchive.TruthMessage) -> Bool,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let shared = try SearchTruthArchive.get()
        let expected = shared.expected(predicate)
        let found = try shared.found(query)
        #expect(found == expected, "\(query): missing \(expected.subtracting(found).sorted()), extra \(found.subtracting(expected).sorted())",
                sourceLocation: sourceLocation)
    }

    @Test("date: single days, inclusive ranges, open ends, before: and after: at day boundaries (UTC)")
    func dateBoundaries() throws {
        let shared = try SearchTruthArchive.get()
        // Days that have mail, and their neighbours: the ends of each range are whole UTC days.
        let days = Array(Set(shared.messages.compactMap(\.day))).sorted()
        let picks = [days[3], days[days.count / 2], days[days.count - 2]]
        for day in picks {
            try check("date:\(day)") { $0.day == day }
            try check("before:\(day)") { ($0.day ?? "9999") < day }
            try check("after:\(day)") { ($0.day ?? "") > day }
            try check("date:..\(day)") { ($0.day ?? "9999") <= day }
            try check("date:\(day)..") { ($0.day ?? "") >= day }
            try check("-date:\(day)") { $0.day != day }
        }
        let (low, high) = (days[10], days[days.count - 10])
        try check("date:\(low)..\(high)") { ($0.day ?? "") >= low && ($0.day ?? "9999") <= high }
        // Months and years as range ends: from the first day of one to the last day of the other.
        try check("date:2016-02..2016-03") { ($0.day ?? "").hasPrefix("2016-02") || ($0.day ?? "").hasPrefix("2016-03") }
        try check("date:2018..2019") { ($0.day ?? "").hasPrefix("2018") || ($0.day ?? "").hasPrefix("2019") }
        try check("before:2020") { ($0.day ?? "9999") < "2020" }
        try check("after:2023-06") { ($0.day ?? "") > "2023-06-31" }
        try check("date:2016-02-29") { $0.day == "2016-02-29" }
        // The undated message matches no date condition, and NOT of one.
        try check("-date:2015..2030") { $0.date == nil }
    }

    @Test("relative dates count back from today (UTC) and mean since then")
    func relativeDates() throws {
        // Now is 2024-12-31 12:00 UTC.
        try check("date:7d") { ($0.day ?? "") >= "2024-12-24" }
        try check("date:2w") { ($0.day ?? "") >= "2024-12-17" }
        try check("date:3m") { ($0.day ?? "") >= "2024-09-30" }
        try check("date:1y") { ($0.day ?? "") >= "2023-12-31" }
        try check("date:2y..1y") { ($0.day ?? "") >= "2022-12-31" && ($0.day ?? "9999") <= "2023-12-31" }
        try check("date:today") { $0.day == "2024-12-31" }
        try check("date:yesterday") { $0.day == "2024-12-30" }
        try check("before:1y") { ($0.day ?? "9999") < "2023-12-31" }
    }

    @Test("size: exact, above, below, ranges and units at the boundaries (k = 1024, M = 1024 k)")
    func sizeBoundaries() throws {
        let shared = try SearchTruthArchive.get()
        let sizes = shared.messages.map(\.size).sorted()
        for size in [sizes[0], sizes[sizes.count / 3], sizes[sizes.count - 1]] {
            try check("size:\(size)") { $0.size == size }
            try check("size:>\(size)") { $0.size > size }
            try check("size:>=\(size)") { $0.size >= size }
            try check("size:<\(size)") { $0.size < size }
            try check("size:<=\(size)") { $0.size <= size }
        }
        let (low, high) = (sizes[50], sizes[300])
        try check("size:\(low)..\(high)") { $0.size >= low && $0.size <= high }
        try check("size:<10k") { $0.size < 10 * 1024 }
        try check("size:8k..20k") { $0.size >= 8 * 1024 && $0.size <= 20 * 1024 }
        try check("size:>1M") { $0.size > 1024 * 1024 }
        try check("size:>=4K") { $0.size >= 4 * 1024 }
    }

    @Test("folder: names, case, globs, UTF-8 names, and NOT")
    func folders() throws {
        try check("folder:INBOX") { $0.folders.contains("INBOX") }
        try check("folder:inbox") { $0.folders.contains("INBOX") }
        try check("folder:Entwürfe") { $0.folders.contains("Entwürfe") }
        try check("folder:ENTWÜRFE") { $0.folders.contains("Entwürfe") }
        try check("folder:Lists/*") { $0.folders.contains { $0.hasPrefix("Lists/") } }
        try check("folder:\"Lists/cairn-dev\"") { $0.folders.contains("Lists/cairn-dev") }
        try check("folder:?rchive") { $0.folders.contains("Archive") }
        try check("folder:Sent OR folder:Drafts") { !$0.folders.isDisjoint(with: ["Sent", "Drafts"]) }
        try check("-folder:INBOX") { !$0.folders.contains("INBOX") }
        try check("folder:INBOX folder:Archive") { $0.folders.isSuperset(of: ["INBOX", "Archive"]) }
        try check("account:local") { _ in true }
        try check("account:LOC*") { _ in true }
        try check("account:elsewhere") { _ in false }
    }

    @Test("flag: each Maildir flag as the server flag it stands for, and NOT")
    func flags() throws {
        let letters: [(String, Character)] = [("seen", "S"), ("answered", "R"), ("flagged", "F"), ("draft", "D")]
        for (name, letter) in letters {
            try check("flag:\(name)") { $0.flagLetters.contains(letter) }
        }
        try check("-flag:seen") { !$0.flagLetters.contains("S") }
        try check("flag:seen -flag:answered") { $0.flagLetters.contains("S") && !$0.flagLetters.contains("R") }
        try check("flag:$forwarded") { $0.flagLetters.contains("P") }
    }

    @Test("list: the List-Id exactly or by its words; recip: any recipient")
    func listsAndRecipients() throws {
        let shared = try SearchTruthArchive.get()
        let ids = Set(shared.messages.compactMap(\.list_id))
        #expect(ids.count >= 3)
        for id in ids {
            try check("list:\(id)") { $0.list_id == id }
            try check("list:<\(id)>") { $0.list_id == id }
        }
        try check("list:rust-users") { $0.list_id?.hasPrefix("rust-users.") == true }
        let addresses = Set(shared.messages.flatMap { ($0.to + $0.cc).map { $0.address.lowercased() } }).filter { !$0.isEmpty }
        for address in addresses.sorted().prefix(15) {
            try check("recip:\(address)") { ($0.to + $0.cc).contains { $0.address.lowercased() == address } }
        }
    }

    @Test("has:attachment, attachment: patterns and mime: types match the attachments the truth lists")
    func attachments() throws {
        let shared = try SearchTruthArchive.get()
        #expect(shared.messages.contains { !$0.attachments.isEmpty })
        try check("has:attachment") { !$0.attachments.isEmpty }
        try check("-has:attachment") { $0.attachments.isEmpty }
        try check("attachment:*.pdf") { $0.attachments.contains { $0.filename?.lowercased().hasSuffix(".pdf") == true } }
        try check("filename:*.ZIP") { $0.attachments.contains { $0.filename?.lowercased().hasSuffix(".zip") == true } }
        try check("mime:application/pdf") { $0.attachments.contains { $0.content_type == "application/pdf" } }
        try check("mime:application/zip OR mime:application/pdf") {
            $0.attachments.contains { ["application/zip", "application/pdf"].contains($0.content_type) }
        }
        try check("mime:text/csv") { $0.attachments.contains { $0.content_type == "text/csv" } }
        try check("mime:message/rfc822") { $0.attachments.contains { $0.content_type == "message/rfc822" } }
    }

    @Test("thread: by a member's Message-ID finds exactly the generator's thread, also when its root never arrived")
    func threads() throws {
        let shared = try SearchTruthArchive.get()
        let byThread = Dictionary(grouping: shared.messages, by: \.thread.number)
        // Threads linked by ids only (a subject-only reply carries no id to link it by), each member
        // with a Message-ID; the largest first, so that branching and missing roots are among them.
        let linked = byThread.values.filter { members in
            members.count >= 2 && members.allSatisfy { $0.thread.link != "subject-only" && $0.message_id != nil }
        }.sorted { ($0.count, $0[0].index) > ($1.count, $1[0].index) }
        #expect(linked.count >= 5)
        for members in linked.prefix(8) {
            let expected = Set(members.map(\.index))
            for member in [members.first!, members.last!] {
                let found = try shared.found("thread:\(member.message_id!)")
                #expect(found == expected, "thread:\(member.message_id!): missing \(expected.subtracting(found).sorted()), extra \(found.subtracting(expected).sorted())")
            }
        }
    }

    @Test("mid: and id: take the Message-ID with or without angle brackets, exactly, and NOT")
    func messageIDs() throws {
        let shared = try SearchTruthArchive.get()
        for message in shared.messages.filter({ $0.message_id != nil }).prefix(40).suffix(6) {
            let bracketed = message.message_id!
            let bare = String(bracketed.dropFirst().dropLast())
            try check("mid:\(bracketed)") { $0.message_id == bracketed }
            try check("id:\(bare)") { $0.message_id == bracketed }
            try check("-mid:\(bracketed)") { $0.message_id != bracketed }
        }
        try check("mid:<nobody-sent-this@nowhere.example>") { _ in false }
    }

    @Test("flag:deleted is the Maildir T flag; flags of any copy count")
    func deletedFlag() throws {
        try check("flag:deleted") { $0.flagLetters.contains("T") }
        try check("flag:deleted OR flag:draft") { !$0.flagLetters.isDisjoint(with: ["T", "D"]) }
    }

    @Test("bcc: matches Bcc addresses and names only; recip: includes them")
    func blindCopies() throws {
        let test = try TemporaryArchive()
        try test.ingest([
            (TestMail.message(subject: "One", body: "first", extraHeaders: "Bcc: Dana Quill <dana@example.net>\n"), "Sent"),
            (TestMail.message(subject: "Two", body: "second", extraHeaders: "Cc: Dana Quill <dana@example.net>\n"), "INBOX"),
            (TestMail.message(subject: "Three", body: "third"), "INBOX"),
        ])
        func subjects(_ query: String) throws -> Set<String> {
            let parsed = try SearchQuery.parse(query, now: SearchTruthArchive.now)
            return Set(try test.archive.makeSearcher().search(parsed).messages.compactMap(\.subject))
        }
        #expect(try subjects("bcc:dana@example.net") == ["One"])
        #expect(try subjects("bcc:quill") == ["One"])
        #expect(try subjects("cc:dana") == ["Two"])
        #expect(try subjects("recip:dana") == ["One", "Two"])
        #expect(try subjects("-bcc:dana") == ["Two", "Three"])
    }
}
