import IMAPProtocol
import MailQuery
import NIOCore

extension IMAPSearchPlan {
    /// The command as it is sent in each folder, without tag and line end:
    /// `UID SEARCH RETURN (ALL) FROM ann` (`RETURN (ALL)` only when the server offers ESEARCH,
    /// `CHARSET UTF-8` before non-ASCII strings, which go as literals).
    public func commandText(eSearch: Bool = false) -> String {
        let command = Command.uidSearch(SearchKey(key), returnOptions: eSearch ? [.all] : nil)
        let encoded = command.encoded(tag: "A", options: CommandEncodingOptions(literalMode: .nonSynchronizing))
        var text = String(buffer: encoded.joined)
        if text.hasPrefix("A ") { text.removeFirst(2) }
        if text.hasSuffix("\r\n") { text = String(decoding: text.utf8.dropLast(2), as: UTF8.self) }
        return text
    }
}
