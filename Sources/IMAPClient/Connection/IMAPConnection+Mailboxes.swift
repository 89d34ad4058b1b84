import IMAPProtocol
import MailModel
import NIOCore

extension IMAPConnection {
    /// Lists mailboxes (LIST) with their special-use attributes and, when asked and the server offers
    /// LIST-STATUS (RFC 5819), their status. Names are decoded to ``MailModel/MailboxName``.
    ///
    /// ```swift
    /// let sent = try await connection.list().first { $0.specialUse == .sent }
    /// ```
    public func list(pattern: String = "*", status: [StatusItem]? = nil) async throws -> [MailboxInfo] {
        try await settle()
        var options: [ListReturnOption] = []
        if capabilities.contains(.specialUse) { options.append(.specialUse) }
        if let status, !status.isEmpty, capabilities.contains(.listStatus) { options.append(.status(usable(status))) }
        let encodedPattern = EncodedMailbox(bytes: ModifiedUTF7.encode(pattern))
        var items: [MailboxListItem] = []
        var statuses: [EncodedMailbox: MailboxStatus] = [:]
        try await execute(.list(reference: EncodedMailbox(""), pattern: encodedPattern, returnOptions: options)) { event in
            switch event {
            case .untagged(.list(let item)): items.append(item)
            case .untagged(.status(let status)): statuses[status.mailbox] = status
            default: break
            }
        }
        if delimiter == nil, let first = items.first { delimiter = .some(first.delimiter) }
        return items.map { MailboxInfo($0, status: statuses[$0.name]) }
    }

    /// STATUS of one mailbox; items the server cannot report (HIGHESTMODSEQ without CONDSTORE, SIZE
    /// without STATUS=SIZE) are left out.
    public func status(_ mailbox: MailboxName, items: [StatusItem] = [.messages, .uidNext, .uidValidity, .unseen, .highestModSeq])
        async throws -> MailboxStatus {
        let encoded = try await encode(mailbox)
        var result = MailboxStatus(mailbox: encoded)
        try await execute(.status(encoded, usable(items))) { event in
            if case .untagged(.status(let status)) = event { result = status }
        }
        return result
    }

    /// STATUS of a listed mailbox, addressed by the exact name the server listed.
    public func status(_ mailbox: MailboxInfo, items: [StatusItem] = [.messages, .uidNext, .uidValidity, .unseen, .highestModSeq])
        async throws -> MailboxStatus {
        try await settle()
        var result = MailboxStatus(mailbox: mailbox.encodedName)
        try await execute(.status(mailbox.encodedName, usable(items))) { event in
            if case .untagged(.status(let status)) = event { result = status }
        }
        return result
    }

    private func usable(_ items: [StatusItem]) -> [StatusItem] {
        items.filter { item in
            switch item {
            case .highestModSeq: return supportsCondStore
            case .size: return capabilities.contains(Capability("STATUS=SIZE"))
            default: return true
            }
        }
    }

    /// What a client already knows of a mailbox, for a quick resynchronisation (QRESYNC, RFC 7162 3.2.5).
    public struct QResyncParameters: Hashable, Sendable {
        /// The UIDVALIDITY known.
        public var uidValidity: UIDValidity
        /// The HIGHESTMODSEQ known.
        public var modSeq: ModSeq
        /// The UIDs known (lets the server report VANISHED precisely); nil for all.
        public var knownUIDs: UIDSet?

        /// The parameters.
        public init(uidValidity: UIDValidity, modSeq: ModSeq, knownUIDs: UIDSet? = nil) {
            self.uidValidity = uidValidity
            self.modSeq = modSeq
            self.knownUIDs = knownUIDs
        }
    }

    /// Opens a mailbox (SELECT, or EXAMINE when `readOnly`). CONDSTORE is asked for when offered, so
    /// HIGHESTMODSEQ is reported; with `qresync` (and QRESYNC enabled) the answer also holds what vanished
    /// and what changed since then.
    @discardableResult
    public func select(_ mailbox: MailboxName, readOnly: Bool = false, qresync: QResyncParameters? = nil) async throws
        -> SelectedMailbox {
        try await select(mailbox, encoded: try await encode(mailbox), readOnly: readOnly, qresync: qresync)
    }

    /// Opens a listed mailbox by the exact name the server listed (safe even when that name does not
    /// survive decoding and encoding again).
    @discardableResult
    public func select(_ mailbox: MailboxInfo, readOnly: Bool = false, qresync: QResyncParameters? = nil) async throws
        -> SelectedMailbox {
        try await settle()
        return try await select(mailbox.name, encoded: mailbox.encodedName, readOnly: readOnly, qresync: qresync)
    }

    private func select(_ mailbox: MailboxName, encoded: EncodedMailbox, readOnly: Bool, qresync: QResyncParameters?) async throws
        -> SelectedMailbox {
        var parameters: SelectParameters?
        if let qresync, enabled.contains(.qresync) {
            parameters = .qresync(uidValidity: qresync.uidValidity, modSeq: qresync.modSeq, knownUIDs: qresync.knownUIDs)
        } else if supportsCondStore && !enabled.contains(.condStore) && !enabled.contains(.qresync) {
            parameters = .condStore
        }
        var result = SelectedMailbox(name: mailbox)
        result.readOnly = readOnly
        var assembler = FetchAssembler(maxSectionBytes: 0)
        selected = nil
        let command: Command = readOnly ? .examine(encoded, parameters) : .select(encoded, parameters)
        let response = try await execute(command) { event in
            switch event {
            case .untagged(.flags(let flags)): result.flags = flags
            case .untagged(.exists(let count)): result.exists = count
            case .untagged(.recent(let count)): result.recent = count
            case .untagged(.vanished(let uids, _)):
                for range in uids.ranges { result.vanished.insert(range) }
            case .untagged(.ok(let text)):
                switch text.code {
                case .uidValidity(let value)?: result.uidValidity = value
                case .uidNext(let value)?: result.uidNext = value
                case .highestModSeq(let value)?: result.highestModSeq = value
                case .noModSeq?: result.highestModSeq = nil
                case .permanentFlags(let flags)?: result.permanentFlags = flags
                default: break
                }
            case .fetch(let fetch):
                if let message = try assembler.receive(fetch), let summary = MessageSummary(message) {
                    result.changed.append(summary)
                }
            default: break
            }
        }
        if case .readOnly? = response.text.code { result.readOnly = true }
        if case .readWrite? = response.text.code { result.readOnly = false }
        selected = result
        return result
    }

    /// Creates a mailbox.
    public func create(_ mailbox: MailboxName) async throws {
        try await execute(.create(try await encode(mailbox)))
    }

    /// Deletes a mailbox.
    public func delete(_ mailbox: MailboxName) async throws {
        try await execute(.delete(try await encode(mailbox)))
    }

    /// Renames a mailbox.
    public func rename(_ mailbox: MailboxName, to newName: MailboxName) async throws {
        let from = try await encode(mailbox)
        try await execute(.rename(from: from, to: try await encode(newName)))
    }

    /// Adds a message to a mailbox (APPEND); returns its UID when the server says (UIDPLUS).
    @discardableResult
    public func append(_ message: ByteBuffer, to mailbox: MailboxName, flags: [Flag] = [], internalDate: Timestamp? = nil)
        async throws -> UID? {
        let encoded = try await encode(mailbox)
        let response = try await execute(.append(encoded, flags: flags, internalDate: internalDate, message: message))
        if case .appendUID(_, let uids)? = response.text.code { return uids.first }
        return nil
    }

    /// Changes flags of messages by UID (UID STORE), optionally only where unchanged since a mod-sequence;
    /// returns the new state the server reported.
    @discardableResult
    public func store(_ uids: UIDSet, _ operation: StoreOperation, unchangedSince: ModSeq? = nil) async throws -> [MessageSummary] {
        var summaries: [MessageSummary] = []
        var assembler = FetchAssembler(maxSectionBytes: 0)
        try await execute(.uidStore(uids, operation, unchangedSince: unchangedSince)) { event in
            if case .fetch(let fetch) = event, let message = try assembler.receive(fetch), let summary = MessageSummary(message) {
                summaries.append(summary)
            }
        }
        return summaries
    }

    /// Removes messages marked \Deleted: only the given UIDs when the server has UIDPLUS, else all.
    public func expunge(_ uids: UIDSet? = nil) async throws {
        if let uids, capabilities.contains(.uidPlus) {
            try await execute(.uidExpunge(uids))
        } else {
            try await execute(.expunge)
        }
    }

    /// The wire name of a mailbox (learning the hierarchy delimiter first when needed).
    func encode(_ mailbox: MailboxName) async throws -> EncodedMailbox {
        try await settle()
        if mailbox == .inbox { return .inbox }
        if delimiter == nil, mailbox.components.count > 1 {
            var learned: UInt8?
            try await execute(.list(reference: EncodedMailbox(""), pattern: EncodedMailbox(""), returnOptions: [])) { event in
                if case .untagged(.list(let item)) = event { learned = item.delimiter }
            }
            delimiter = .some(learned)
        }
        return EncodedMailbox(mailbox, delimiter: delimiter ?? nil, utf8: enabled.contains(.utf8Accept))
    }
}
