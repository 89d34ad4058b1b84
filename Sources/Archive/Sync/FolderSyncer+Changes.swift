import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

extension FolderSyncer {
    /// What changed on the server about the messages archived from a folder.
    struct Changes {
        /// New flags (and MODSEQ) of messages whose flags may have changed.
        var flags: [FlagChange] = []
        /// Archived UIDs the server no longer has.
        var vanished = UIDList()
        /// Every UID of the folder, when it was asked for on the way.
        var serverUIDs: UIDList?
    }

    /// One message's flags as the server has them now.
    struct FlagChange: Sendable {
        var uid: UID
        var flags: Set<Flag>
        var modSeq: ModSeq?
    }

    /// Finds flag changes and expunges among the archived UIDs: from the QRESYNC answer of SELECT
    /// when it was used; else with CONDSTORE, `UID FETCH ... (FLAGS) (CHANGEDSINCE m)` and
    /// `UID SEARCH ALL`; else by fetching every archived message's flags and comparing.
    func changes(of archived: UIDList, selected: SelectedMailbox, usedQResync: Bool,
                 connection: IMAPConnection) async throws -> Changes {
        var changes = Changes()
        guard let lastArchived = archived.last else { return changes }
        if usedQResync {
            changes.vanished = UIDList(selected.vanished, upTo: lastArchived).intersection(archived)
            changes.flags = selected.changed.filter { archived.contains($0.uid) }.compactMap(FolderSyncer.flagChange)
            return changes
        }
        if selected.exists == 0 {
            changes.vanished = archived
            changes.serverUIDs = UIDList()
            return changes
        }
        if AccountSyncer.condStore(connection, options: context.options), selected.highestModSeq != nil,
           let since = job.previous?.highestModSeq {
            if selected.highestModSeq != since {
                let range = UIDSet(rawRanges: [1...lastArchived.rawValue])
                let result = try await connection.fetchSummaries(range, changedSince: since)
                changes.flags = result.messages.filter { archived.contains($0.uid) }.compactMap(FolderSyncer.flagChange)
            }
            let server = UIDList(try await connection.search(.all))
            changes.serverUIDs = server
            changes.vanished = archived.subtracting(server)
            return changes
        }
        // No mod-sequences: compare every archived message's flags with the archive's.
        let account = self.account, folder = self.folder, validity = selected.uidValidity
        let stored = try await context.archive.store.read { reader -> [UID: Set<Flag>] in
            var flags: [UID: Set<Flag>] = [:]
            for record in try reader.sightings(account: account, folder: folder, uidValidity: validity) {
                if let uid = record.sighting.uid { flags[uid] = record.sighting.flags }
            }
            return flags
        }
        var present: [UID] = []
        for chunk in archived.chunks(of: context.options.metadataBatch) {
            try Task.checkCancellation()
            for summary in try await connection.fetchSummaries(chunk.set).messages {
                present.append(summary.uid)
                if let change = FolderSyncer.flagChange(summary), change.flags != stored[summary.uid] {
                    changes.flags.append(change)
                }
            }
        }
        changes.vanished = archived.subtracting(UIDList(present))
        return changes
    }

    /// Records the changes, in order with the messages, a batch of UIDs per store operation.
    func apply(_ changes: Changes, validity: UIDValidity) async throws {
        let account = self.account, folder = self.folder, tally = context.tally
        let batch = context.options.metadataBatch
        for start in stride(from: 0, to: changes.flags.count, by: batch) {
            let slice = Array(changes.flags[start..<min(changes.flags.count, start + batch)])
            try await context.pipeline.perform { tx, _ in
                var changed = 0
                for change in slice {
                    if try tx.updateFlags(account: account, folder: folder, uidValidity: validity, uid: change.uid,
                                          flags: change.flags, modSeq: change.modSeq) != nil {
                        changed += 1
                    }
                }
                tally.addFlagChanges(changed, account: account, folder: folder)
            }
        }
        for chunk in changes.vanished.chunks(of: batch) {
            let uids = chunk.uids
            try await context.pipeline.perform { tx, _ in
                let keys = try tx.markExpunged(account: account, folder: folder, uidValidity: validity, uids: uids)
                tally.addExpunged(keys.count, account: account, folder: folder)
            }
        }
    }

    /// The UIDs to fetch: those past the checkpoint's UIDNEXT that the archive lacks (everything the
    /// archive lacks on a first sync).
    func newUIDs(selected: SelectedMailbox, archived: UIDList, serverUIDs: UIDList?,
                 connection: IMAPConnection) async throws -> UIDList {
        let previous = job.previous
        let start = (previous?.uidValidity == selected.uidValidity ? previous?.uidNext : nil) ?? UID(1)
        if let next = selected.uidNext, next <= start { return UIDList() }
        let candidates: UIDList
        if let serverUIDs {
            candidates = serverUIDs.from(start)
        } else if selected.exists == 0 {
            return UIDList()
        } else if start == UID(1) {
            candidates = UIDList(try await connection.search(.all))
        } else {
            candidates = UIDList(try await connection.search(.uid(UIDSet(rawRanges: [start.rawValue...UInt32.max]))))
                .from(start)
        }
        return candidates.subtracting(archived)
    }

    /// A summary's flags as a change to record.
    static func flagChange(_ summary: ServerMessageSummary) -> FlagChange? {
        guard let flags = summary.flags else { return nil }
        return FlagChange(uid: summary.uid, flags: storedFlags(flags), modSeq: summary.modSeq)
    }
}
