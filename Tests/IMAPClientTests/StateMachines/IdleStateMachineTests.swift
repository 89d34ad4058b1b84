@testable import IMAPClient
import IMAPProtocol
import Testing

@Suite("IdleStateMachine")
struct IdleStateMachineTests {
    private let ok = TaggedResponse(tag: "A1", state: .ok, text: ResponseText(text: "Idle completed"))

    @Test("start, events, stop")
    func lifecycle() throws {
        var machine = IdleStateMachine()
        #expect(try machine.continuationReceived().isEmpty)
        #expect(machine.isIdling)
        #expect(machine.untagged(.exists(4)) == [.deliver(.exists(4))])
        #expect(machine.untagged(.expunge(SequenceNumber(2))) == [.deliver(.expunged(SequenceNumber(2)))])
        #expect(machine.untagged(.ok(ResponseText(text: "still here"))).isEmpty)
        #expect(machine.stop() == [.sendDone])
        #expect(try machine.completed(ok) == [.finished])
        #expect(machine.isFinished)
    }

    @Test("renewal sends DONE, then IDLE again")
    func renewal() throws {
        var machine = IdleStateMachine()
        _ = try machine.continuationReceived()
        #expect(machine.renewalDue() == [.sendDone])
        #expect(try machine.completed(ok) == [.sendIdle])
        #expect(!machine.isIdling)
        #expect(try machine.continuationReceived().isEmpty)
        #expect(machine.isIdling)
    }

    @Test("a stop before '+' sends DONE as soon as '+' comes; a stop during renewal ends")
    func earlyStop() throws {
        var machine = IdleStateMachine()
        #expect(machine.stop().isEmpty)
        #expect(try machine.continuationReceived() == [.sendDone])
        #expect(try machine.completed(ok) == [.finished])
        var renewing = IdleStateMachine()
        _ = try renewing.continuationReceived()
        _ = renewing.renewalDue()
        #expect(renewing.stop().isEmpty)
        #expect(try renewing.completed(ok) == [.finished])
    }

    @Test("a refused IDLE is an error")
    func refused() {
        var machine = IdleStateMachine()
        #expect(throws: IMAPError.self) {
            try machine.completed(TaggedResponse(tag: "A1", state: .bad, text: ResponseText(text: "no")))
        }
    }
}
