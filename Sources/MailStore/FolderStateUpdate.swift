import MailModel

/// What `setFolderState` found and did.
public struct FolderStateUpdate: Hashable, Sendable {
    /// The state before, if the folder was known.
    public var previous: FolderState?
    /// The UIDVALIDITY before, when it changed (recorded in the store and the audit trail).
    public var replacedUIDValidity: UIDValidity?

    /// Creates an update.
    public init(previous: FolderState?, replacedUIDValidity: UIDValidity?) {
        self.previous = previous
        self.replacedUIDValidity = replacedUIDValidity
    }

    /// Whether UIDVALIDITY changed.
    public var uidValidityChanged: Bool { replacedUIDValidity != nil }
}
