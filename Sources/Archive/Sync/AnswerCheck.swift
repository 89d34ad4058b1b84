import IMAPClient
import MailModel

/// What a body stream may answer: each UID asked for, once. A body under a UID not asked for, or a
/// second answer under one, is a broken or hostile server; the fetch stops with a protocol error and
/// nothing of that body is kept.
struct AnswerCheck {
    /// The UIDs asked for.
    let asked: UIDList
    private var received = Set<UID>()

    /// A check for one stream over `asked`.
    init(_ asked: UIDList) { self.asked = asked }

    /// Accepts the beginning of a body, or throws when the server may not send it.
    mutating func accept(_ uid: UID) throws {
        guard asked.contains(uid) else {
            throw IMAPError(.protocol, "the server sent a message under UID \(uid), which was not asked for")
        }
        guard received.insert(uid).inserted else {
            throw IMAPError(.protocol, "the server sent two different answers for UID \(uid)")
        }
    }
}
