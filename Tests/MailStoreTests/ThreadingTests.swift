import MailModel
import MailStore
import Testing

@Suite struct ThreadingTests {
    private func mail(_ id: String, subject: String = "Plans", refs: [String] = [], inReplyTo: [String] = [],
                      date: Int64 = 1_700_000_000) -> SyntheticMail {
        var mail = SyntheticMail()
        mail.messageID = "<\(id)>"
        mail.subject = subject
        mail.references = refs.map { "<\($0)>" }
        mail.inReplyTo = inReplyTo.map { "<\($0)>" }
        mail.date = Timestamp(rawValue: date)
        return mail
    }

    @Test func repliesJoinTheirParentsThread() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let (root, reply, other) = try store.write { tx throws in
            (try tx.insert(mail("a@x"), nil), try tx.insert(mail("b@x", subject: "Re: Plans", inReplyTo: ["a@x"]), nil),
             try tx.insert(mail("c@x", subject: "Something else"), nil))
        }
        #expect(reply.thread == root.thread)
        #expect(other.thread != root.thread)
        #expect(try store.read { try $0.messageKeys(inThread: root.thread) } == [root.key, reply.key])
    }

    @Test func missingParentStillLinksItsChildrenAndALateParentJoins() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        // b and c both reply to a, which is not archived yet.
        let (b, c) = try store.write { tx throws in
            (try tx.insert(mail("b@x", subject: "Re: Plans", refs: ["a@x"]), nil),
             try tx.insert(mail("c@x", subject: "Re: Plans", refs: ["a@x"], inReplyTo: ["a@x"]), nil))
        }
        #expect(b.thread == c.thread)
        let a = try store.write { tx in try tx.insert(mail("a@x"), nil) }
        #expect(a.thread == b.thread)
        #expect(a.rethreaded.isEmpty)
    }

    @Test func aMessageLinkingTwoThreadsMergesThemAndSaysWhichRowsMoved() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let (a, b, c, d) = try store.write { tx throws in
            (try tx.insert(mail("a@x"), nil), try tx.insert(mail("b@x", subject: "Re: Plans", refs: ["a@x"]), nil),
             try tx.insert(mail("c@x", subject: "Other"), nil),
             try tx.insert(mail("d@x", subject: "Re: Other", refs: ["c@x"]), nil))
        }
        #expect(a.thread == b.thread && c.thread == d.thread && a.thread != c.thread)
        try store.write { tx throws in
            for ticket in try tx.reader.pendingIndexTickets(limit: 100) { try tx.markIndexed([ticket]) }
        }
        let linking = try store.write { tx in try tx.insert(mail("e@x", subject: "Re: both", refs: ["c@x", "a@x"]), nil) }
        let survivor = min(a.thread, c.thread)
        #expect(linking.thread == survivor)
        let moved = survivor == a.thread ? [c.key, d.key] : [a.key, b.key]
        #expect(Set(linking.rethreaded) == Set(moved))
        try store.read { reader throws in
            #expect(Set(try reader.messageKeys(inThread: survivor)) == Set([a.key, b.key, c.key, d.key, linking.key]))
            // The moved messages need their index documents rewritten.
            #expect(Set(try reader.pendingIndexTickets(limit: 100).map(\.key)) == Set(moved + [linking.key]))
        }
    }

    @Test func subjectOnlyRepliesJoinARecentThreadWithTheSameBaseSubject() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        let day: Int64 = 86_400
        let outcomes = try store.write { tx throws in
            [
                try tx.insert(mail("a@x", subject: "[team] Budget 2025", date: 1_700_000_000), nil),
                try tx.insert(mail("b@x", subject: "RE: Re[2]: [team]  budget   2025", date: 1_700_000_000 + day), nil),
                try tx.insert(mail("c@x", subject: "AW: Budget 2025", date: 1_700_000_000 + 2 * day), nil),
                // Not a reply: a new conversation with the same subject.
                try tx.insert(mail("d@x", subject: "Budget 2025", date: 1_700_000_000 + 3 * day), nil),
                // A reply long after the thread went quiet starts its own.
                try tx.insert(mail("e@x", subject: "Re: Budget 2025", date: 1_700_000_000 + 400 * day), nil),
            ]
        }
        #expect(outcomes[1].thread == outcomes[0].thread)
        #expect(outcomes[2].thread == outcomes[0].thread)
        #expect(outcomes[3].thread != outcomes[0].thread)
        #expect(outcomes[4].thread != outcomes[0].thread && outcomes[4].thread != outcomes[3].thread)
    }

    @Test func messagesWithoutIdsOrSubjectsGetThreadsOfTheirOwn() throws {
        let temp = try TemporaryFolder()
        let store = try MailStore.open(at: temp.archive)
        var first = mail("unused", subject: "")
        first.messageID = nil
        var second = first
        second.body = "different\r\n"
        let (a, b) = try store.write { tx in (try tx.insert(first, nil), try tx.insert(second, nil)) }
        #expect(a.thread != b.thread)
    }
}
