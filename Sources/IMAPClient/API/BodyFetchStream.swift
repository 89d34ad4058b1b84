import IMAPProtocol
import MailModel

/// The bodies of messages as an asynchronous sequence of ``BodyFetchEvent``s, fetched with pipelined
/// `UID FETCH` batches. Reading is pulled by the consumer: a slow consumer slows the socket, and memory
/// stays bounded by the network buffers, whatever the message sizes.
///
/// ```swift
/// for try await event in connection.fetchBodies(uids) {
///     switch event {
///     case .begin(let message): writer = store.begin(uid: message.uid, size: message.byteCount)
///     case .bytes(let chunk): writer.append(chunk)
///     case .end(let message): try writer.finish(flags: message.flags)
///     }
/// }
/// ```
/// UIDs that no longer exist are skipped; a set ending in `*` (such as `1:*`) is first resolved with one
/// UID SEARCH. Running another command on the connection ends the stream.
public struct BodyFetchStream: AsyncSequence {
    /// Each step of each message.
    public typealias Element = BodyFetchEvent

    let connection: IMAPConnection
    let uids: UIDSet
    let options: FetchOptions

    /// Starts the fetch on the first `next()`.
    public func makeAsyncIterator() -> Iterator {
        Iterator(connection: connection, state: BodyFetchStreamState(connection: connection, uids: uids, options: options))
    }

    /// Pulls events off the connection.
    public struct Iterator: AsyncIteratorProtocol {
        let connection: IMAPConnection
        let state: BodyFetchStreamState

        /// The next event, nil after the last message.
        public mutating func next() async throws -> BodyFetchEvent? {
            try await connection.nextBodyEvent(state)
        }
    }
}

/// The progress of one body fetch stream.
final class BodyFetchStreamState {
    let uids: UIDSet
    let options: FetchOptions
    var machine = BodyFetchStateMachine(batches: [], depth: 1, items: [], maxBuffered: 0)
    var queue: [BodyFetchEvent] = []
    var queueIndex = 0
    var started = false
    var finished = false
    var abandoned = false

    init(connection: IMAPConnection, uids: UIDSet, options: FetchOptions) {
        self.uids = uids
        self.options = options
    }

    /// Plans the batches over the UIDs that exist (`uids` must not contain `*`).
    func prepare(existing uids: UIDSet, condStore: Bool) {
        var items: [FetchItem] = [.uid, .flags, .internalDate, .rfc822Size]
        if condStore { items.append(.modSeq) }
        items.append(.body(.complete, peek: true))
        machine = BodyFetchStateMachine(batches: BodyFetchStateMachine.batches(of: uids, size: options.batchSize),
                                        depth: options.pipelineDepth, items: items,
                                        maxBuffered: options.maxBufferedBodyWithoutUID)
    }

    func dequeue() -> BodyFetchEvent? {
        guard queueIndex < queue.count else { return nil }
        let event = queue[queueIndex]
        queueIndex += 1
        if queueIndex == queue.count {
            queue.removeAll(keepingCapacity: true)
            queueIndex = 0
        }
        return event
    }
}

extension IMAPConnection {
    /// Streams the bodies (`BODY.PEEK[]`, so \Seen is not set) with UID, FLAGS, INTERNALDATE, RFC822.SIZE
    /// and MODSEQ of the given messages of the selected mailbox.
    public func fetchBodies(_ uids: UIDSet, options: FetchOptions? = nil) -> BodyFetchStream {
        BodyFetchStream(connection: self, uids: uids, options: options ?? configuration.fetch)
    }

    func nextBodyEvent(_ state: BodyFetchStreamState) async throws -> BodyFetchEvent? {
        if state.abandoned { throw IMAPError(.usage, "the body stream was ended by another command on the connection") }
        if !state.started {
            try await settle()
            guard selected != nil else { throw IMAPError(.usage, "fetching bodies needs a selected mailbox") }
            // A set ending in `*` (like 1:*) is resolved to the UIDs that exist first (one UID SEARCH).
            let open = state.uids.ranges.last?.upperBound == UInt32.max
            let existing = open ? try await search(.uid(state.uids)) : state.uids
            state.prepare(existing: existing, condStore: supportsCondStore)
            state.started = true
            activeStream = state
            try await perform(state.machine.start(), state)
        }
        while true {
            if let event = state.dequeue() { return event }
            if state.finished {
                if activeStream === state { activeStream = nil }
                return nil
            }
            let event = try await receive()
            switch event {
            case .fetch(let fetch):
                try await perform(state.machine.receive(fetch), state)
            case .tagged(let response):
                guard state.machine.owns(tag: response.tag) else {
                    throw fail(IMAPError(.protocol, "a completion for a command not in progress"))
                }
                try await perform(state.machine.completed(response), state)
            default:
                break
            }
        }
    }

    private func perform(_ actions: [BodyFetchStateMachine.Action], _ state: BodyFetchStreamState) async throws {
        for action in actions {
            switch action {
            case .send(let command):
                let tag = try await send(command)
                state.machine.sent(tag: tag)
            case .emit(let event):
                state.queue.append(event)
            case .finished:
                state.finished = true
            }
        }
    }
}
