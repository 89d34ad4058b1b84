import IMAPProtocol
import MailModel
import NIOCore

/// Streams message bodies over pipelined `UID FETCH` batches: keeps up to `depth` commands in flight,
/// turns FETCH events into ``BodyFetchEvent``s, and says when to send the next batch and when all is done.
///
/// States: `pending batches` → (send up to depth) → per message `start` → attributes / body → `finish`;
/// a tagged OK (or NO [EXPUNGEISSUED]) completes a batch and sends the next; when no batch is left or in
/// flight the fetch is finished. A body whose UID comes only after it is buffered (bounded).
struct BodyFetchStateMachine {
    /// What to do.
    enum Action {
        /// Send this command; report its tag with ``sent(tag:)``.
        case send(Command)
        /// Give this event to the consumer.
        case emit(BodyFetchEvent)
        /// Every batch is complete.
        case finished
    }

    private struct Message {
        var uid: UID?
        var flags: [Flag]?
        var internalDate: Timestamp?
        var rfc822Size: Int?
        var modSeq: ModSeq?
        var byteCount: Int?
        var begun = false
        var inBody = false
        var buffered: [ByteBuffer] = []
        var bufferedBytes = 0

        func info() -> FetchedMessage? {
            guard let uid, let byteCount else { return nil }
            return FetchedMessage(uid: uid, byteCount: byteCount, flags: flags, internalDate: internalDate,
                                  rfc822Size: rfc822Size, modSeq: modSeq)
        }
    }

    private var batches: ArraySlice<UIDSet>
    private let depth: Int
    private let items: [FetchItem]
    private let maxBuffered: Int
    private(set) var inFlight: Set<String> = []
    private var unsent = 0
    private var message: Message?
    private var done = false

    /// A fetch of `batches`, `depth` at a time, asking for `items` (one of which is the body).
    init(batches: [UIDSet], depth: Int, items: [FetchItem], maxBuffered: Int) {
        self.batches = batches[...]
        self.depth = max(1, depth)
        self.items = items
        self.maxBuffered = maxBuffered
    }

    /// Whether the fetch is complete.
    var isFinished: Bool { done }

    /// The first commands.
    mutating func start() -> [Action] {
        var actions: [Action] = []
        while unsent + inFlight.count < depth, let batch = batches.popFirst() {
            unsent += 1
            actions.append(.send(.uidFetch(batch, items, changedSince: nil, vanished: false)))
        }
        if actions.isEmpty {
            done = true
            return [.finished]
        }
        return actions
    }

    /// A command from ``Action/send(_:)`` went out with this tag.
    mutating func sent(tag: String) {
        unsent -= 1
        inFlight.insert(tag)
    }

    /// Whether a tag belongs to this fetch.
    func owns(tag: String) -> Bool { inFlight.contains(tag) }

    /// A FETCH event arrived.
    mutating func receive(_ event: FetchEvent) throws(IMAPError) -> [Action] {
        switch event {
        case .start:
            message = Message()
            return []
        case .attribute(let attribute):
            guard var current = message else { return [] }
            switch attribute {
            case .uid(let uid): current.uid = uid
            case .flags(let flags): current.flags = flags
            case .internalDate(let date): current.internalDate = date
            case .rfc822Size(let size): current.rfc822Size = size
            case .modSeq(let modSeq): current.modSeq = modSeq
            default: break
            }
            var actions: [Action] = []
            if current.inBody || current.byteCount != nil, !current.begun, let info = current.info() {
                // The UID came after the body had begun: release what was held.
                current.begun = true
                actions.append(.emit(.begin(info)))
                actions += current.buffered.map { .emit(.bytes($0)) }
                current.buffered = []
                current.bufferedBytes = 0
            }
            message = current
            return actions
        case .streamingBegin(let kind, let count):
            guard var current = message, BodyFetchStateMachine.isWholeBody(kind), current.byteCount == nil else { return [] }
            current.byteCount = count
            current.inBody = true
            var actions: [Action] = []
            if let info = current.info() {
                current.begun = true
                actions.append(.emit(.begin(info)))
            }
            message = current
            return actions
        case .streamingBytes(let bytes):
            guard var current = message, current.inBody else { return [] }
            if current.begun { return [.emit(.bytes(bytes))] }
            current.bufferedBytes += bytes.readableBytes
            guard current.bufferedBytes <= maxBuffered else {
                throw IMAPError(.protocol, "the server sent a large message body before its UID")
            }
            current.buffered.append(bytes)
            message = current
            return []
        case .streamingEnd:
            message?.inBody = false
            return []
        case .finish:
            defer { message = nil }
            guard let current = message, current.byteCount != nil else { return [] }  // a flags update, not ours
            guard current.begun, let info = current.info() else {
                throw IMAPError(.protocol, "the server sent a message body without its UID")
            }
            return [.emit(.end(info))]
        }
    }

    /// A tagged response for one of this fetch's commands.
    mutating func completed(_ response: TaggedResponse) throws(IMAPError) -> [Action] {
        guard inFlight.remove(response.tag) != nil else { return [] }
        if response.state != .ok {
            let expungedMeanwhile: Bool
            if case .other(let name, _)? = response.text.code, name == "EXPUNGEISSUED" { expungedMeanwhile = true } else { expungedMeanwhile = false }
            guard response.state == .no && expungedMeanwhile else {
                throw IMAPError(.commandFailed, "the server refused to send messages (UID FETCH: \(response.state.rawValue))",
                                responseCode: response.text.code, serverText: response.text.text)
            }
        }
        var actions: [Action] = []
        while unsent + inFlight.count < depth, let batch = batches.popFirst() {
            unsent += 1
            actions.append(.send(.uidFetch(batch, items, changedSince: nil, vanished: false)))
        }
        if inFlight.isEmpty && unsent == 0 && batches.isEmpty {
            done = true
            actions.append(.finished)
        }
        return actions
    }

    private static func isWholeBody(_ kind: StreamingKind) -> Bool {
        switch kind {
        case .body(let section, let offset): return section == .complete && offset == nil
        case .rfc822: return true
        case .binary(let part, let offset): return part.isEmpty && offset == nil
        default: return false
        }
    }

    /// Splits UIDs into batches of at most `size` messages, each written compactly as ranges.
    static func batches(of uids: UIDSet, size: Int) -> [UIDSet] {
        var result: [UIDSet] = []
        var current: [ClosedRange<UInt32>] = []
        var count = 0
        for range in uids.ranges {
            var low = range.lowerBound
            while true {
                let room = UInt32(max(1, size - count))
                let high = range.upperBound - low >= room - 1 ? low + room - 1 : range.upperBound
                current.append(low...high)
                count += Int(high - low) + 1
                if count >= size {
                    result.append(UIDSet(rawRanges: current))
                    current = []
                    count = 0
                }
                if high == range.upperBound { break }
                low = high + 1
            }
        }
        if !current.isEmpty { result.append(UIDSet(rawRanges: current)) }
        return result
    }
}
