import IMAPProtocol
import Logging
import MailModel
import NIOCore

/// A logged-in IMAP session, handed to the body of ``IMAPClient/withConnection(_:logger:_:)``
/// and valid only inside it.
///
/// Use it from one task at a time. Commands wait for their completion; a body fetch stream holds the
/// connection while it is read, and starting another command ends it (its remaining data is discarded).
///
/// ```swift
/// try await IMAPClient.withConnection(configuration, logger: logger) { connection in
///     let mailboxes = try await connection.list()
///     let inbox = try await connection.select(.inbox)
///     for try await event in connection.fetchBodies(UIDSet.all) { ... }
/// }
/// ```
public final class IMAPConnection {
    let configuration: IMAPConfiguration
    let logger: Logger
    let transport: Transport
    let reader: ResponseReader
    var commands = CommandQueueStateMachine()
    private var tagCounter = 0

    /// The server's capabilities (as announced after login).
    public internal(set) var capabilities: Set<Capability> = []
    /// Extensions turned on with ENABLE.
    public internal(set) var enabled: Set<Capability> = []
    /// The mailbox selected now, if any.
    public internal(set) var selected: SelectedMailbox?
    /// The personal namespace's hierarchy delimiter, once known.
    var delimiter: UInt8??
    /// The text of a `* BYE`, when the server announced it is closing.
    var bye: ResponseText?
    /// The error that broke the connection; every later call fails with it.
    var broken: IMAPError?
    /// The body fetch stream in progress, if any.
    var activeStream: BodyFetchStreamState?
    private var streamCounter = 0

    init(configuration: IMAPConfiguration, logger: Logger, transport: Transport) {
        self.configuration = configuration
        self.logger = logger
        self.transport = transport
        self.reader = ResponseReader(transport: transport, options: configuration.parserOptions)
    }

    /// The most received bytes this connection held at once before handing them out: the parser's
    /// buffer plus compressed input waiting to be inflated. Bounded by network reads and the parser's
    /// line limit, whatever the size of a message or a mailbox (the memory tests check it).
    var peakBufferedBytes: Int { reader.peakBufferedBytes + transport.peakCompressedBytes }

    /// How commands are encoded for this server now.
    var encodingOptions: CommandEncodingOptions {
        CommandEncodingOptions(capabilities: capabilities, utf8Enabled: enabled.contains(.utf8Accept))
    }

    // MARK: - Sending and receiving

    /// The next command tag (`C1`, `C2`, ...).
    func nextTag() -> String {
        tagCounter += 1
        return "C\(tagCounter)"
    }

    /// Sends a command without waiting for it; returns its tag.
    func send(_ command: Command, handling: CommandQueueStateMachine.ContinuationHandling = .literals) async throws -> String {
        let tag = nextTag()
        let encoded = command.encoded(tag: tag, options: encodingOptions)
        logger.debug("IMAP command", metadata: ["imap.command": "\(encoded.redactedDescription)"])
        try await perform(commands.enqueue(encoded, handling: handling))
        return tag
    }

    /// Sends an untagged line (a SASL response, `DONE`).
    func sendLine(_ line: EncodedCommand) async throws {
        try await perform(commands.answer(line))
    }

    /// The next event for the caller. Continuations for literals are answered here; tagged responses are
    /// checked against the commands in flight; untagged ones update the connection's state first.
    func receive(timeout: Duration? = nil) async throws -> ResponseEvent {
        try checkUsable()
        while true {
            let event: ResponseEvent
            do {
                event = try await reader.next(timeout: timeout ?? configuration.timeouts.command)
            } catch {
                throw fail(error)
            }
            if let event = try await process(event) { return event }
        }
    }

    /// Like ``receive(timeout:)`` but returns nil when `deadline` passes with nothing received.
    func receive(until deadline: NIODeadline, cancellation: Transport.CancellationMode = .throw) async throws
        -> ResponseEvent? {
        try checkUsable()
        while true {
            let next: ResponseEvent?
            do {
                next = try await reader.next(deadline: deadline, cancellation: cancellation)
            } catch {
                throw fail(error)
            }
            guard let event = next else { return nil }
            if let event = try await process(event) { return event }
        }
    }

    private func process(_ event: ResponseEvent) async throws -> ResponseEvent? {
        switch event {
        case .continuation(let request):
            let actions: [CommandQueueStateMachine.Action]
            do {
                actions = try commands.receivedContinuation(request)
            } catch {
                throw fail(error)
            }
            var forCaller = false
            for action in actions {
                if case .continuation = action { forCaller = true }
            }
            try await perform(actions)
            return forCaller ? event : nil
        case .tagged(let response):
            do {
                try await perform(commands.receivedTagged(response.tag))
            } catch let error as IMAPError {
                throw fail(error)
            }
            observe(response.text)
            logger.debug("IMAP completion", metadata: ["imap.tag": "\(response.tag)", "imap.state": "\(response.state.rawValue)"])
            return event
        case .untagged(let response):
            observe(response)
            return event
        case .fetch:
            return event
        }
    }

    private func perform(_ actions: [CommandQueueStateMachine.Action]) async throws {
        for action in actions {
            if case .write(let bytes) = action {
                do {
                    try await transport.write(bytes)
                } catch {
                    throw fail(error)
                }
            }
        }
    }

    /// Runs one command to completion: sends it, hands every other event to `onEvent`, and returns the
    /// tagged response (NO and BAD included: see ``check(_:_:)``).
    func run(_ command: Command, onEvent: (ResponseEvent) throws -> Void = { _ in }) async throws -> TaggedResponse {
        try await settle()
        let tag = try await send(command)
        while true {
            let event = try await receive()
            if case .tagged(let response) = event {
                guard response.tag == tag else { throw fail(IMAPError(.protocol, "a completion for a command not in progress")) }
                return response
            }
            try onEvent(event)
        }
    }

    /// Throws when a command did not succeed.
    func check(_ response: TaggedResponse, _ command: Command) throws {
        guard response.state == .ok else {
            throw IMAPError(.commandFailed, "the server answered \(response.state.rawValue) to \(command.redactedDescription)",
                            responseCode: response.text.code, serverText: response.text.text)
        }
    }

    /// Runs a command and fails unless it succeeds.
    @discardableResult
    func execute(_ command: Command, onEvent: (ResponseEvent) throws -> Void = { _ in }) async throws -> TaggedResponse {
        let response = try await run(command, onEvent: onEvent)
        try check(response, command)
        return response
    }

    // MARK: - State

    /// Ends an abandoned body stream: reads and drops what is still coming for it.
    func settle() async throws {
        try checkUsable()
        guard let stream = activeStream else { return }
        activeStream = nil
        stream.abandoned = true
        var machine = stream.machine
        while !machine.inFlight.isEmpty {
            let event = try await receive()
            switch event {
            case .fetch(let fetch): _ = try machine.receive(fetch)
            case .tagged(let response): _ = try machine.completed(response)
            default: break
            }
        }
    }

    func checkUsable() throws {
        if let broken { throw broken }
    }

    /// Records an error that makes the connection unusable and returns it (as an ``IMAPError``).
    func fail(_ error: Error) -> Error {
        guard var imapError = error as? IMAPError else {
            if error is CancellationError {
                broken = IMAPError(.usage, "a cancelled task left the connection in the middle of a command")
            }
            return error
        }
        if imapError.category == .connection, let bye {
            imapError = IMAPError(.connection, "the server closed the connection (BYE)", responseCode: bye.code, serverText: bye.text)
        }
        if imapError.category != .commandFailed && imapError.category != .usage {
            broken = imapError
        }
        return imapError
    }

    func observe(_ response: UntaggedResponse) {
        switch response {
        case .capability(let list): capabilities = Set(list)
        case .enabled(let list): enabled.formUnion(list)
        case .ok(let text), .no(let text), .bad(let text): observe(text)
        case .bye(let text): bye = text
        case .exists(let count): selected?.exists = count
        case .recent(let count): selected?.recent = count
        case .expunge:
            if let count = selected?.exists, count > 0 { selected?.exists = count - 1 }
        case .vanished(let uids, let earlier) where !earlier:
            if let count = selected?.exists { selected?.exists = max(0, count - uids.count) }
        default: break
        }
    }

    func observe(_ text: ResponseText) {
        if case .capability(let list)? = text.code { capabilities = Set(list) }
    }

    func nextStreamID() -> Int {
        streamCounter += 1
        return streamCounter
    }
}
