import Foundation
import MailModel

/// What identifies a message across a UIDVALIDITY change without fetching it: its size, its
/// Message-ID and its INTERNALDATE. Two messages with the same key are taken for the same message
/// only when the key is unique on both sides.
struct ContentKey: Hashable, Sendable {
    /// RFC822.SIZE: the size of the message as the server sends it (the archive keeps exactly those bytes).
    var size: Int
    /// The Message-ID, without angle brackets or surrounding space.
    var messageID: String
    /// INTERNALDATE, in seconds.
    var internalDate: Int64

    /// A key, or nil when a part is missing (such a message is fetched again).
    init?(size: Int?, messageID: String?, internalDate: Timestamp?) {
        guard let size, let internalDate, let messageID = ContentKey.normalized(messageID) else { return nil }
        self.size = size
        self.messageID = messageID
        self.internalDate = internalDate.rawValue
    }

    /// A Message-ID without brackets and space; nil when empty.
    static func normalized(_ text: String?) -> String? {
        guard var value = text?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        if value.hasPrefix("<") { value.removeFirst() }
        if value.hasSuffix(">") { value.removeLast() }
        value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
