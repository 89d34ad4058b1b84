import MailStore

extension AuditKind {
    /// Messages were added to a legal hold: when it was placed (those its query matched) and later
    /// (those archived, or newly matching, since). Payload: the hold's name and row id, the count and
    /// every id added.
    public static let holdExtended = AuditKind(rawValue: "hold.extended")
}
