import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// The events of a transcript, fed in many chunkings; all must agree and none may fail.
private func parseTranscript(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [ResponseEvent] {
    let bytes = try Fixtures.bytes("imap/\(name)")
    let whole = ParseHarness.run(bytes)
    guard case .events(let events, let leftover) = whole else {
        Issue.record("\(name) failed to parse: \(whole)", sourceLocation: sourceLocation)
        return []
    }
    #expect(leftover.isEmpty, "\(name) left bytes unparsed", sourceLocation: sourceLocation)
    var random = SplitMix64(seed: UInt64(bytes.count))
    var chunkings: [[Int]] = [[1], [2], [13], [4096]]
    for _ in 0..<4 { chunkings.append((0..<16).map { _ in Int.random(in: 1...300, using: &random) }) }
    for chunking in chunkings {
        #expect(ParseHarness.run(bytes, chunkSizes: chunking) == whole, "\(name) chunks \(chunking)", sourceLocation: sourceLocation)
    }
    let starts = events.filter { if case .fetch(.start) = $0 { return true } else { return false } }.count
    let finishes = events.filter { if case .fetch(.finish) = $0 { return true } else { return false } }.count
    #expect(starts == finishes, sourceLocation: sourceLocation)
    return events
}

private func bodies(_ events: [ResponseEvent]) -> [String] {
    var result: [String] = []
    for event in events {
        if case .fetch(.streamingBegin) = event { result.append("") }
        if case .fetch(.streamingBytes(let bytes)) = event { result[result.count - 1] += String(buffer: bytes) }
    }
    return result
}

@Suite("ResponseParser: real and server-style transcripts")
struct TranscriptTests {
    @Test("a recorded Dovecot session parses in every chunking, matching the client's commands")
    func dovecotSession() throws {
        let events = try parseTranscript("dovecot-session.server.txt")
        let clientText = String(decoding: try Fixtures.bytes("imap/dovecot-session.client.txt"), as: UTF8.self)
        let sentTags = clientText.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard line.hasPrefix("C"), let space = line.firstIndex(of: " "), line[line.index(after: line.startIndex)..<space].allSatisfy(\.isNumber)
            else { return nil }
            return String(line[..<space])
        }
        let completed = events.compactMap { event -> String? in
            if case .tagged(let response) = event { return response.tag }
            return nil
        }
        #expect(completed == ["C1"] + sentTags)
        #expect(events.contains { if case .untagged(.esearch(let result)) = $0 { return result.tag == "C9" && result.all == [1...3] } else { return false } })
        #expect(events.contains(.untagged(.vanished(UIDSet([UID(2)]), earlier: true))))
        #expect(events.contains(.untagged(.vanished(UIDSet([UID(2)]), earlier: false))))
        #expect(events.contains(.continuation(ContinuationRequest(text: "idling"))))
        #expect(events.contains(.untagged(.namespace(NamespaceResponse(personal: [.init(prefix: EncodedMailbox(""), delimiter: UInt8(ascii: "."))],
                                                                       otherUsers: [], shared: [])))))
        let names = events.compactMap { event -> MailboxName? in
            if case .untagged(.list(let item)) = event { return item.name.decoded(delimiter: item.delimiter) }
            return nil
        }
        #expect(names.contains(MailboxName("Récent/Projets")))
        let envelopes = events.compactMap { event -> Envelope? in
            if case .fetch(.attribute(.envelope(let envelope))) = event { return envelope }
            return nil
        }
        #expect(envelopes.first?.from.first?.name == "Zoë Ünal")
        #expect(envelopes.first?.cc.first?.mailbox == "undisclosed-recipients")
        let structures = events.compactMap { event -> BodyStructure? in
            if case .fetch(.attribute(.bodyStructure(let structure))) = event { return structure }
            return nil
        }
        guard case .multipart(let mixed)? = structures.first else {
            Issue.record("no multipart structure")
            return
        }
        #expect(mixed.subtype == "mixed" && mixed.parts.count == 3)
        if case .singlepart(let message) = mixed.parts[1], case .message(let inner, _, _) = message.kind {
            #expect(inner.subject == "inner")
        } else {
            Issue.record("the second part should be message/rfc822")
        }
        let texts = bodies(events)
        #expect(texts.count >= 3)
        #expect(texts[1].hasPrefix("From: alice@example.com\r\n") && texts[1].hasSuffix("Hello.\r\n"))
        #expect(texts[2].utf8.count == 9_000)
    }

    @Test("Gmail-style: X-GM attributes, [Gmail] names, empty and NIL bodies, LITERAL-")
    func gmailStyle() throws {
        let events = try parseTranscript("gmail-style.server.txt")
        #expect(events.contains(.fetch(.attribute(.gmailLabels(["\\Important", "\\Inbox", "Work"])))))
        #expect(events.contains(.fetch(.attribute(.gmailThreadID(1_266_894_439_832_287_888)))))
        #expect(events.contains(.fetch(.attribute(.nilBody(.body(.complete, offset: nil))))))
        #expect(bodies(events) == ["Subject: x\r\n", ""])
        #expect(events.contains { if case .untagged(.list(let item)) = $0 { return item.specialUse == .all } else { return false } })
        #expect(events.contains { if case .untagged(.esearch(let result)) = $0 { return result.count == 3 && result.min == 41 } else { return false } })
    }

    @Test("Exchange-style: odd flags, repeated FETCH for one message, NO with a code")
    func exchangeStyle() throws {
        let events = try parseTranscript("exchange-style.server.txt")
        #expect(bodies(events) == ["ab\r\nc", "wxyz"])
        #expect(events.contains(.untagged(.search([1190, 1191, 1195], modSeq: nil))))
        #expect(events.contains(.tagged(TaggedResponse(tag: "C7", state: .no, text: ResponseText(code: .other("AUTHENTICATIONFAILED", nil),
                                                                                                text: "AUTHENTICATE failed.")))))
    }

    @Test("Cyrus-style: namespaces with prefixes, extended LIST data, unknown FETCH items, CLOSED")
    func cyrusStyle() throws {
        let events = try parseTranscript("cyrus-style.server.txt")
        #expect(events.contains(.fetch(.attribute(.other("EMAILID")))))
        #expect(events.contains(.fetch(.attribute(.other("PREVIEW")))))
        #expect(events.contains(.untagged(.vanished(UIDSet(rawRanges: [1...3, 7...7]), earlier: true))))
        #expect(events.contains { if case .tagged(let t) = $0 { return t.text.code == .closed } else { return false } })
        #expect(events.contains { event in
            guard case .untagged(.list(let item)) = event else { return false }
            return item.extendedData["OLDNAME"] == "(\"INBOX.Old\")" && item.name == EncodedMailbox("INBOX.Sent")
        })
    }
}
