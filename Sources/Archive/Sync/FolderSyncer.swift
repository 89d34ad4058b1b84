import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

/// Syncs one folder over one connection, by the book (RFC 3501, RFC 7162):
///
/// 1. SELECT (EXAMINE, read-only) with QRESYNC when the server has it and the folder has a checkpoint,
///    so that the answer lists what vanished and whose flags changed since then;
/// 2. a changed UIDVALIDITY: re-find the archived messages by content, fetch only the rest
///    (``reassociate(from:selected:connection:report:)``);
/// 3. otherwise: follow flag changes and expunges of the archived messages (CONDSTORE's
///    CHANGEDSINCE, or a full comparison), then fetch the UIDs past the checkpoint that the archive
///    lacks;
/// 4. stream the bodies into the pipeline, with a checkpoint every ``SyncOptions/checkpointInterval``
///    messages committed with the messages it covers, and a last one with the new UIDNEXT and
///    HIGHESTMODSEQ.
///
/// Every change to the store goes through the pipeline, in order with the messages, so a sync killed
/// at any moment resumes from the last checkpoint with nothing lost or repeated.
struct FolderSyncer: Sendable {
    let account: String
    let job: FolderJob
    let context: SyncContext

    var folder: MailboxName { job.name }

    /// Syncs the folder; errors are the connection's (IMAPError), the pipeline's, or cancellation.
    func run(on connection: IMAPConnection) async throws -> FolderSyncReport {
        var report = FolderSyncReport(folder: folder, specialUse: job.specialUse)
        let previous = job.previous
        var qresync: IMAPConnection.QResyncParameters?
        if connection.enabled.contains(.qresync), let validity = previous?.uidValidity, let modSeq = previous?.highestModSeq {
            qresync = IMAPConnection.QResyncParameters(uidValidity: validity, modSeq: modSeq)
        }
        let selected = try await connection.select(folder, readOnly: true, qresync: qresync)
        let guardian = CheckpointGuard()
        try await context.pipeline.perform { _, summary in guardian.arm(failed: summary.failed) }
        let toFetch: UIDList
        if let old = previous?.uidValidity, old != selected.uidValidity {
            toFetch = try await reassociate(from: old, selected: selected, connection: connection, report: &report)
        } else {
            let validity = selected.uidValidity
            let account = self.account, folder = self.folder
            let archived = UIDList(sorted: try await context.archive.store.read {
                try $0.uids(account: account, folder: folder, uidValidity: validity)
            })
            let changes = try await changes(of: archived, selected: selected, usedQResync: qresync != nil,
                                            connection: connection)
            try await apply(changes, validity: validity)
            toFetch = try await newUIDs(selected: selected, archived: archived, serverUIDs: changes.serverUIDs,
                                        connection: connection)
        }
        context.events(.folderStarted(account: account, folder: folder, toFetch: toFetch.count))
        let last = try await fetch(toFetch, selected: selected, guardian: guardian, connection: connection)
        var uidNext = selected.uidNext
        if let last, uidNext.map({ $0 <= last }) ?? true { uidNext = UID(last.rawValue &+ 1) }
        if uidNext == nil, toFetch.isEmpty, let previous, previous.uidValidity == selected.uidValidity {
            uidNext = previous.uidNext
        }
        try await checkpoint(validity: selected.uidValidity, uidNext: uidNext, modSeq: selected.highestModSeq,
                             final: true, guardian: guardian)
        return report
    }

    /// Saves the folder's checkpoint in the pipeline's transaction, after every message submitted
    /// before it. When a message failed since the folder began, UIDNEXT stays where it was, so the
    /// next sync tries again (what is archived is not fetched twice).
    func checkpoint(validity: UIDValidity, uidNext: UID?, modSeq: ModSeq?, final: Bool,
                    guardian: CheckpointGuard) async throws {
        let account = self.account, job = self.job
        let time = SyncContext.now()
        try await context.pipeline.perform(commit: final) { tx, summary in
            let current = try tx.reader.folderState(account: account, folder: job.name)
            var state = FolderState(account: account, folder: job.name, uidValidity: validity, uidNext: uidNext,
                                    highestModSeq: modSeq, delimiter: job.delimiter, specialUse: job.specialUse,
                                    lastSync: final ? time : current?.lastSync, existsOnServer: true)
            if !guardian.allowsAdvance(failed: summary.failed) {
                state.uidNext = current?.uidValidity == validity ? current?.uidNext : nil
            }
            try tx.setFolderState(state)
        }
    }

    /// The sighting of a message being fetched.
    func sighting(of message: FetchedMessage, validity: UIDValidity) -> Sighting {
        Sighting(source: .imap, account: account, folder: folder, uidValidity: validity, uid: message.uid,
                 flags: FolderSyncer.storedFlags(message.flags), internalDate: message.internalDate,
                 modSeq: message.modSeq)
    }

    /// Flags as the archive keeps them: `\Recent` is a session flag, never stored.
    static func storedFlags(_ flags: [Flag]?) -> Set<Flag> {
        var set = Set(flags ?? [])
        set.remove(.recent)
        return set
    }
}
