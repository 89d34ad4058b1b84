import IMAPProtocol
import NIOCore

/// Orders the bytes of commands on the wire. Commands are pipelined freely, except that while one command
/// waits for a continuation request (`+`), nothing else may be written: the server would read it as the
/// awaited data. The machine returns what to write and when to hand a continuation to a handler.
///
/// - SeeAlso: RFC 3501 5.5 (multiple commands in progress) and 7.5 (continuation requests).
struct CommandQueueStateMachine {
    /// Who answers the continuation requests of a command.
    enum ContinuationHandling: Equatable {
        /// The machine writes the next chunk (synchronizing literals).
        case literals
        /// The caller answers (AUTHENTICATE, IDLE): the command owns every `+` until it completes.
        case caller
    }

    /// What to do.
    enum Action: Equatable {
        /// Write these bytes.
        case write(ByteBuffer)
        /// Give this continuation request to the caller that owns command `tag`.
        case continuation(tag: String, text: String)
    }

    private struct Pending {
        var tag: String
        var chunks: ArraySlice<ByteBuffer>
        var handling: ContinuationHandling
    }

    /// Tags sent whose tagged response has not come, in order.
    private(set) var inFlight: [String] = []
    /// The command that owns continuation requests now, if any.
    private var waiting: Pending?
    /// Commands held back while another waits for a continuation.
    private var held: [Pending] = []

    /// Whether no command is in flight or held.
    var isQuiet: Bool { inFlight.isEmpty && held.isEmpty && waiting == nil }

    /// Queues a tagged command; returns what to write now.
    mutating func enqueue(_ command: EncodedCommand, handling: ContinuationHandling = .literals) -> [Action] {
        let pending = Pending(tag: command.tag ?? "", chunks: command.chunks[...], handling: handling)
        if waiting != nil {
            held.append(pending)
            return []
        }
        return start(pending)
    }

    /// A line the caller sends in answer to a continuation (a SASL response, `DONE`).
    func answer(_ line: EncodedCommand) -> [Action] {
        line.chunks.map { .write($0) }
    }

    /// The server sent `+ text`.
    mutating func receivedContinuation(_ request: ContinuationRequest) throws(IMAPError) -> [Action] {
        guard var current = waiting else {
            throw IMAPError(.protocol, "the server sent a continuation request nobody asked for")
        }
        switch current.handling {
        case .caller:
            return [.continuation(tag: current.tag, text: request.text)]
        case .literals:
            guard let next = current.chunks.popFirst() else {
                throw IMAPError(.protocol, "the server sent a continuation request nobody asked for")
            }
            var actions: [Action] = [.write(next)]
            if current.chunks.isEmpty {
                waiting = nil
                actions += releaseHeld()
            } else {
                waiting = current
            }
            return actions
        }
    }

    /// The server completed command `tag`; returns what can be written now. Unknown tags are a protocol error.
    mutating func receivedTagged(_ tag: String) throws(IMAPError) -> [Action] {
        guard let index = inFlight.firstIndex(of: tag) else {
            throw IMAPError(.protocol, "the server completed a command that was never sent")
        }
        inFlight.remove(at: index)
        if waiting?.tag == tag {
            // Done (caller-handled) or refused before its literal was sent: its remaining bytes are dropped.
            waiting = nil
            return releaseHeld()
        }
        return []
    }

    private mutating func start(_ pending: Pending) -> [Action] {
        var pending = pending
        inFlight.append(pending.tag)
        guard let first = pending.chunks.popFirst() else { return [] }
        if pending.chunks.isEmpty && pending.handling == .literals {
            return [.write(first)]
        }
        waiting = pending
        return [.write(first)]
    }

    private mutating func releaseHeld() -> [Action] {
        var actions: [Action] = []
        while waiting == nil, !held.isEmpty {
            actions += start(held.removeFirst())
        }
        return actions
    }
}
