@testable import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing

private let items: [FetchItem] = [.uid, .flags, .body(.complete)]

private func describe(_ actions: [BodyFetchStateMachine.Action]) -> [String] {
    actions.map {
        switch $0 {
        case .send(let command): return "send \(command.redactedDescription)"
        case .emit(.begin(let info)): return "begin \(info.uid) \(info.byteCount)"
        case .emit(.bytes(let bytes)): return "bytes \(String(buffer: bytes))"
        case .emit(.end(let info)): return "end \(info.uid) \(info.flags?.map(\.name) ?? [])"
        case .finished: return "finished"
        }
    }
}

private func tagged(_ tag: String, _ state: ResponseState = .ok, code: ResponseCode? = nil) -> TaggedResponse {
    TaggedResponse(tag: tag, state: state, text: ResponseText(code: code, text: ""))
}

@Suite("BodyFetchStateMachine")
struct BodyFetchStateMachineTests {
    @Test("batches split UID sets into compact groups")
    func batches() {
        let batches = BodyFetchStateMachine.batches(of: UIDSet(rawRanges: [1...5, 8...8, 10...14]), size: 4)
        #expect(batches.map(\.description) == ["1:4", "5,8,10:11", "12:14"])
        #expect(BodyFetchStateMachine.batches(of: UIDSet(), size: 4).isEmpty)
        #expect(BodyFetchStateMachine.batches(of: UIDSet(rawRanges: [UInt32.max - 2...UInt32.max - 1]), size: 10).count == 1)
    }

    @Test("keeps `depth` batches in flight and finishes after the last completion")
    func pipelining() throws {
        var machine = BodyFetchStateMachine(batches: [UIDSet([UID(1)]), UIDSet([UID(2)]), UIDSet([UID(3)])], depth: 2,
                                            items: items, maxBuffered: 100)
        #expect(describe(machine.start()) == ["send UID FETCH 1 (UID FLAGS BODY.PEEK[])", "send UID FETCH 2 (UID FLAGS BODY.PEEK[])"])
        machine.sent(tag: "A1")
        machine.sent(tag: "A2")
        #expect(describe(try machine.completed(tagged("A1"))) == ["send UID FETCH 3 (UID FLAGS BODY.PEEK[])"])
        machine.sent(tag: "A3")
        #expect(try machine.completed(tagged("A2")).isEmpty)
        #expect(describe(try machine.completed(tagged("A3"))) == ["finished"])
        #expect(machine.isFinished)
    }

    @Test("a message streams as begin, bytes, end with its attributes")
    func message() throws {
        var machine = BodyFetchStateMachine(batches: [UIDSet([UID(7)])], depth: 1, items: items, maxBuffered: 100)
        var log: [String] = []
        for event: FetchEvent in [.start(SequenceNumber(1)), .attribute(.uid(UID(7))),
                                  .streamingBegin(.body(.complete, offset: nil), byteCount: 5),
                                  .streamingBytes(ByteBuffer(string: "hel")), .streamingBytes(ByteBuffer(string: "lo")),
                                  .streamingEnd, .attribute(.flags([.seen])), .finish] {
            log += describe(try machine.receive(event))
        }
        #expect(log == ["begin 7 5", "bytes hel", "bytes lo", "end 7 [\"seen\"]"])
    }

    @Test("a body before its UID is held, then released; too much of it is an error")
    func uidAfterBody() throws {
        var machine = BodyFetchStateMachine(batches: [UIDSet([UID(7)])], depth: 1, items: items, maxBuffered: 4)
        var log: [String] = []
        for event: FetchEvent in [.start(SequenceNumber(1)), .streamingBegin(.body(.complete, offset: nil), byteCount: 3),
                                  .streamingBytes(ByteBuffer(string: "abc")), .streamingEnd, .attribute(.uid(UID(7))), .finish] {
            log += describe(try machine.receive(event))
        }
        #expect(log == ["begin 7 3", "bytes abc", "end 7 []"])
        var strict = BodyFetchStateMachine(batches: [UIDSet([UID(7)])], depth: 1, items: items, maxBuffered: 2)
        _ = try strict.receive(.start(SequenceNumber(1)))
        _ = try strict.receive(.streamingBegin(.body(.complete, offset: nil), byteCount: 3))
        #expect(throws: IMAPError.self) { try strict.receive(.streamingBytes(ByteBuffer(string: "abc"))) }
    }

    @Test("unsolicited flag updates are ignored; a body without UID is an error")
    func strayResponses() throws {
        var machine = BodyFetchStateMachine(batches: [UIDSet([UID(7)])], depth: 1, items: items, maxBuffered: 100)
        for event: FetchEvent in [.start(SequenceNumber(4)), .attribute(.flags([.seen])), .finish] {
            #expect(try machine.receive(event).isEmpty)
        }
        _ = try machine.receive(.start(SequenceNumber(1)))
        _ = try machine.receive(.streamingBegin(.body(.complete, offset: nil), byteCount: 0))
        _ = try machine.receive(.streamingEnd)
        #expect(throws: IMAPError.self) { try machine.receive(.finish) }
    }

    @Test("NO [EXPUNGEISSUED] is tolerated, other NO fails")
    func refusals() throws {
        var machine = BodyFetchStateMachine(batches: [UIDSet([UID(1)]), UIDSet([UID(2)])], depth: 1, items: items, maxBuffered: 1)
        _ = machine.start()
        machine.sent(tag: "A1")
        #expect(describe(try machine.completed(tagged("A1", .no, code: .other("EXPUNGEISSUED", nil)))).count == 1)
        machine.sent(tag: "A2")
        #expect(throws: IMAPError.self) { try machine.completed(tagged("A2", .no)) }
    }
}
