import IMAPProtocol
import MailModel

extension IMAPConnection {
    /// The UIDs of the selected mailbox's messages that match (UID SEARCH; ESEARCH when offered, so the
    /// answer is compact).
    public func search(_ key: SearchKey) async throws -> UIDSet {
        var result = UIDSet()
        let useESearch = capabilities.contains(.esearch)
        try await execute(.uidSearch(key, returnOptions: useESearch ? [.all] : nil)) { event in
            switch event {
            case .untagged(.search(let numbers, _)):
                for number in numbers { result.insert(UID(number)) }
            case .untagged(.esearch(let extended)):
                for range in extended.all ?? [] { result.insert(range) }
            default:
                break
            }
        }
        return result
    }

    /// What changed about messages: their summaries and, with QRESYNC, the UIDs that vanished.
    public struct SummaryResult: Hashable, Sendable {
        /// One summary per message reported.
        public var messages: [MessageSummary]
        /// UIDs expunged since `changedSince` (only with QRESYNC and `includeVanished`).
        public var vanished: UIDSet
    }

    /// `UID FETCH uids (UID FLAGS INTERNALDATE RFC822.SIZE [MODSEQ]) [(CHANGEDSINCE m [VANISHED])]`: the
    /// metadata of the messages (changed since `changedSince`, with CONDSTORE). Ask for bounded UID
    /// ranges: the answer is held in memory.
    public func fetchSummaries(_ uids: UIDSet, changedSince: ModSeq? = nil, includeVanished: Bool = false) async throws
        -> SummaryResult {
        var items: [FetchItem] = [.uid, .flags, .internalDate, .rfc822Size]
        if supportsCondStore { items.append(.modSeq) }
        let vanished = includeVanished && changedSince != nil && enabled.contains(.qresync)
        var result = SummaryResult(messages: [], vanished: UIDSet())
        var assembler = FetchAssembler(maxSectionBytes: 0)
        try await execute(.uidFetch(uids, items, changedSince: supportsCondStore ? changedSince : nil, vanished: vanished)) { event in
            switch event {
            case .fetch(let fetch):
                if let message = try assembler.receive(fetch), let summary = MessageSummary(message) {
                    result.messages.append(summary)
                }
            case .untagged(.vanished(let uids, _)):
                for range in uids.ranges { result.vanished.insert(range) }
            default:
                break
            }
        }
        return result
    }
}
