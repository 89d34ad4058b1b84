/// Which messages of the servers a remote search asks about.
public enum RemoteSearchScope: Hashable, Sendable {
    /// Every message of every selected folder (`--where remote`).
    case everything
    /// Only what the archive has not seen (`--where auto`): every message of folders never synced
    /// (or whose UIDVALIDITY changed since), and in synced folders the UIDs at or above the UIDNEXT
    /// stored at the last sync, i.e. what arrived since.
    case newerThanArchive
}
