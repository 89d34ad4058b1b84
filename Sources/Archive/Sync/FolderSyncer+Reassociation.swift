import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

extension FolderSyncer {
    /// A server message re-found in the archive after a UIDVALIDITY change.
    private struct Match: Sendable {
        var key: MessageKey
        var sighting: Sighting
    }

    /// After a UIDVALIDITY change (RFC 3501 2.3.1.1: every UID known is void): records the change,
    /// retires the folder's old sightings, and re-finds the archived messages among the server's by
    /// size, Message-ID and INTERNALDATE (`UID FETCH (RFC822.SIZE INTERNALDATE ENVELOPE FLAGS)`), so
    /// that only what does not match uniquely is fetched again. Returns the UIDs to fetch.
    func reassociate(from old: UIDValidity, selected: SelectedMailbox, connection: IMAPConnection,
                     report: inout FolderSyncReport) async throws -> UIDList {
        report.uidValidityChanged = true
        let validity = selected.uidValidity
        let archived = try archivedByContent(uidValidity: old)
        let server = selected.exists == 0 ? UIDList() : UIDList(try await connection.search(.all))
        var found: [(uid: UID, key: ContentKey?, sighting: Sighting)] = []
        var serverCounts: [ContentKey: Int] = [:]
        var items: [FetchItem] = [.uid, .flags, .internalDate, .rfc822Size, .envelope]
        if connection.supportsCondStore { items.append(.modSeq) }
        for chunk in server.chunks(of: context.options.metadataBatch) {
            try Task.checkCancellation()
            let result = try await connection.execute(raw: .uidFetch(chunk.set, items, changedSince: nil, vanished: false))
            for fetched in result.fetches {
                guard let entry = serverEntry(fetched, validity: validity) else { continue }
                found.append(entry)
                if let key = entry.key { serverCounts[key, default: 0] += 1 }
            }
        }
        var matches: [Match] = []
        var toFetch: [UID] = []
        for entry in found {
            if let key = entry.key, serverCounts[key] == 1, let keys = archived[key], keys.count == 1, let target = keys.first {
                matches.append(Match(key: target, sighting: entry.sighting))
            } else {
                toFetch.append(entry.uid)
            }
        }
        try await recordChange(to: validity, matches: matches)
        report.reassociated = matches.count
        context.logger.info("sync: UIDVALIDITY changed", metadata: [
            "sync.account": "\(account)", "sync.reassociated": "\(matches.count)", "sync.refetch": "\(toFetch.count)",
        ])
        return UIDList(toFetch)
    }

    /// The folder's archived messages under the old UIDVALIDITY, by content key (a key may name
    /// several messages: such a key matches nothing).
    private func archivedByContent(uidValidity: UIDValidity) throws -> [ContentKey: Set<MessageKey>] {
        let account = self.account, folder = self.folder, batch = context.options.metadataBatch
        return try context.archive.store.read { reader in
            let records = try reader.sightings(account: account, folder: folder, uidValidity: uidValidity)
            var result: [ContentKey: Set<MessageKey>] = [:]
            for start in stride(from: 0, to: records.count, by: batch) {
                let slice = records[start..<min(records.count, start + batch)]
                let summaries = try reader.summaries(of: Array(Set(slice.map(\.message))))
                var byKey: [MessageKey: StoredSummary] = [:]
                for summary in summaries { byKey[summary.key] = summary }
                for record in slice {
                    guard let summary = byKey[record.message],
                          let key = ContentKey(size: summary.size, messageID: summary.messageID,
                                               internalDate: record.sighting.internalDate) else { continue }
                    result[key, default: []].insert(record.message)
                }
            }
            return result
        }
    }

    /// A server message's UID, content key and sighting from its FETCH response.
    private func serverEntry(_ fetched: FetchedAttributes, validity: UIDValidity)
        -> (uid: UID, key: ContentKey?, sighting: Sighting)? {
        var uid: UID?, flags: [Flag]?, date: Timestamp?, size: Int?, modSeq: ModSeq?, messageID: String?
        for attribute in fetched.attributes {
            switch attribute {
            case .uid(let value): uid = value
            case .flags(let value): flags = value
            case .internalDate(let value): date = value
            case .rfc822Size(let value): size = value
            case .modSeq(let value): modSeq = value
            case .envelope(let envelope): messageID = envelope.messageID
            default: break
            }
        }
        guard let uid else { return nil }
        let sighting = Sighting(source: .imap, account: account, folder: folder, uidValidity: validity, uid: uid,
                                flags: FolderSyncer.storedFlags(flags), internalDate: date, modSeq: modSeq)
        return (uid, ContentKey(size: size, messageID: messageID, internalDate: date), sighting)
    }

    /// Records the new UIDVALIDITY (the store keeps the change and an audit entry), retires the old
    /// sightings, and records the re-found messages at their new UIDs, in order with the messages.
    private func recordChange(to validity: UIDValidity, matches: [Match]) async throws {
        let account = self.account, job = self.job
        try await context.pipeline.perform { tx, _ in
            try tx.setFolderState(FolderState(account: account, folder: job.name, uidValidity: validity,
                                              delimiter: job.delimiter, specialUse: job.specialUse,
                                              lastSync: nil, existsOnServer: true))
            try tx.retireSightings(account: account, folder: job.name, keeping: validity)
        }
        let batch = context.options.metadataBatch
        for start in stride(from: 0, to: matches.count, by: batch) {
            let slice = Array(matches[start..<min(matches.count, start + batch)])
            try await context.pipeline.perform { tx, _ in
                for match in slice { try tx.recordSighting(match.sighting, of: match.key) }
            }
        }
    }
}
