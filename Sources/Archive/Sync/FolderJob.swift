import IMAPClient
import IMAPProtocol
import MailModel
import MailStore

/// One folder to sync in a round: what LIST (and STATUS) said of it, and the checkpoint from the last
/// sync.
struct FolderJob: Sendable {
    /// The folder.
    var name: MailboxName
    /// Its special use (`\Sent`...), as LIST reported it.
    var specialUse: String?
    /// The server's hierarchy delimiter.
    var delimiter: String?
    /// STATUS as LIST-STATUS (or STATUS) reported it.
    var status: MailboxStatus?
    /// The checkpoint of the last sync, if any.
    var previous: FolderState?
    /// How many times the folder was tried in this round.
    var attempts = 0

    /// A job from a LIST entry.
    init(_ info: MailboxInfo, status: MailboxStatus?, previous: FolderState?) {
        name = info.name
        specialUse = info.specialUse?.name
        delimiter = info.delimiter.map { String(UnicodeScalar($0)) }
        self.status = status
        self.previous = previous
    }

    /// Whether the server shows nothing new since the checkpoint: same UIDVALIDITY and UIDNEXT and,
    /// with CONDSTORE, the same HIGHESTMODSEQ (flag changes and expunges move it). Without CONDSTORE a
    /// folder is always opened, since flag changes cannot be seen from outside.
    func isUnchanged(condStore: Bool) -> Bool {
        guard condStore, let previous, previous.existsOnServer, let validity = previous.uidValidity,
              let uidNext = previous.uidNext, let modSeq = previous.highestModSeq, let status,
              status.uidValidity == validity, status.uidNext == uidNext, status.highestModSeq == modSeq else {
            return false
        }
        return true
    }

    /// How many messages the sync will probably fetch (for progress before the folder is opened).
    var estimate: Int {
        let messages = status?.messages ?? 0
        guard let previous, previous.uidValidity == status?.uidValidity, let old = previous.uidNext,
              let new = status?.uidNext else { return messages }
        return min(messages, Int(new.rawValue > old.rawValue ? new.rawValue - old.rawValue : 0))
    }

    /// The checkpoint recording that the folder was looked at now, otherwise unchanged.
    func touchedState(at time: Timestamp, account: String) -> FolderState {
        var state = previous ?? FolderState(account: account, folder: name)
        state.specialUse = specialUse
        state.delimiter = delimiter
        state.lastSync = time
        state.existsOnServer = true
        return state
    }
}
