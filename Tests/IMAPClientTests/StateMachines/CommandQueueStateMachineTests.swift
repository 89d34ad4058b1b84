@testable import IMAPClient
import IMAPProtocol
import NIOCore
import Testing

private func encoded(_ command: Command, _ tag: String, literals: CommandEncodingOptions.LiteralMode = .synchronizing) -> EncodedCommand {
    command.encoded(tag: tag, options: CommandEncodingOptions(literalMode: literals))
}

private func text(_ actions: [CommandQueueStateMachine.Action]) -> [String] {
    actions.map {
        switch $0 {
        case .write(let bytes): return String(buffer: bytes)
        case .continuation(let tag, let text): return "continuation \(tag): \(text)"
        }
    }
}

@Suite("CommandQueueStateMachine")
struct CommandQueueStateMachineTests {
    @Test("commands without literals are written at once and pipelined")
    func pipelining() throws {
        var machine = CommandQueueStateMachine()
        #expect(text(machine.enqueue(encoded(.noop, "A1"))) == ["A1 NOOP\r\n"])
        #expect(text(machine.enqueue(encoded(.capability, "A2"))) == ["A2 CAPABILITY\r\n"])
        #expect(machine.inFlight == ["A1", "A2"])
        #expect(try machine.receivedTagged("A2").isEmpty)
        #expect(try machine.receivedTagged("A1").isEmpty)
        #expect(machine.isQuiet)
    }

    @Test("a synchronizing literal waits for '+', and later commands wait behind it")
    func synchronizingLiteral() throws {
        var machine = CommandQueueStateMachine()
        let append = encoded(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(string: "hi")), "A1")
        #expect(text(machine.enqueue(append)) == ["A1 APPEND INBOX {2}\r\n"])
        #expect(machine.enqueue(encoded(.noop, "A2")).isEmpty, "held while A1 waits for its continuation")
        #expect(text(try machine.receivedContinuation(ContinuationRequest(text: "OK"))) == ["hi\r\n", "A2 NOOP\r\n"])
        #expect(try machine.receivedTagged("A1").isEmpty)
        #expect(try machine.receivedTagged("A2").isEmpty)
    }

    @Test("a refused literal releases the commands held behind it")
    func refusedLiteral() throws {
        var machine = CommandQueueStateMachine()
        _ = machine.enqueue(encoded(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(string: "hi")), "A1"))
        _ = machine.enqueue(encoded(.noop, "A2"))
        #expect(text(try machine.receivedTagged("A1")) == ["A2 NOOP\r\n"])
    }

    @Test("LITERAL+ sends everything at once")
    func literalPlus() {
        var machine = CommandQueueStateMachine()
        let append = encoded(.append(.inbox, flags: [], internalDate: nil, message: ByteBuffer(string: "hi")), "A1",
                             literals: .nonSynchronizing)
        #expect(text(machine.enqueue(append)) == ["A1 APPEND INBOX {2+}\r\nhi\r\n"])
        #expect(text(machine.enqueue(encoded(.noop, "A2"))) == ["A2 NOOP\r\n"])
    }

    @Test("a caller-handled command owns every continuation until it completes")
    func callerHandled() throws {
        var machine = CommandQueueStateMachine()
        #expect(text(machine.enqueue(encoded(.idle, "A1"), handling: .caller)) == ["A1 IDLE\r\n"])
        #expect(machine.enqueue(encoded(.noop, "A2")).isEmpty)
        #expect(text(try machine.receivedContinuation(ContinuationRequest(text: "idling"))) == ["continuation A1: idling"])
        #expect(text(machine.answer(Command.idleDone)) == ["DONE\r\n"])
        #expect(text(try machine.receivedTagged("A1")) == ["A2 NOOP\r\n"])
    }

    @Test("unasked continuations and unknown tags are protocol errors")
    func violations() {
        var machine = CommandQueueStateMachine()
        #expect(throws: IMAPError.self) { try machine.receivedContinuation(ContinuationRequest(text: "")) }
        #expect(throws: IMAPError.self) { try machine.receivedTagged("Z9") }
    }
}
