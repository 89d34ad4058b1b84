import MailModel

/// A mailbox name as it travels on the wire: modified UTF-7 (or UTF-8 once UTF8=ACCEPT is enabled),
/// components joined by the server's hierarchy delimiter.
///
/// ```
/// MailboxName("Archive/Café")  ⇄  EncodedMailbox "Archive.Caf&AOk-"   (delimiter ".")
/// ```
/// - SeeAlso: RFC 3501 5.1 and 5.1.3, RFC 6855 3.
public struct EncodedMailbox: Hashable, Sendable, CustomStringConvertible {
    /// The bytes exactly as sent or received.
    public var bytes: [UInt8]

    /// Wraps wire bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Wraps a wire name written in ASCII (`INBOX`, `Sent`, a pattern such as `*`).
    public init(_ ascii: String) { self.bytes = Array(ascii.utf8) }

    /// `INBOX`.
    public static let inbox = EncodedMailbox("INBOX")

    /// Encodes a decoded name: "/" becomes the server's delimiter, each component is written in
    /// modified UTF-7, or in UTF-8 when `utf8` (UTF8=ACCEPT enabled).
    public init(_ name: MailboxName, delimiter: UInt8?, utf8: Bool = false) {
        if name == .inbox {
            bytes = Array("INBOX".utf8)
            return
        }
        let separator = delimiter ?? UInt8(ascii: "/")
        var result: [UInt8] = []
        for (index, component) in name.components.enumerated() {
            if index > 0 { result.append(separator) }
            result.append(contentsOf: utf8 ? Array(component.utf8) : ModifiedUTF7.encode(String(component)))
        }
        bytes = result
    }

    /// Decodes to a ``MailboxName``: modified UTF-7 when the bytes are valid modified UTF-7, else UTF-8
    /// (servers with UTF8=ACCEPT, or that ignore RFC 3501), else ISO-8859-1; the delimiter becomes "/".
    public func decoded(delimiter: UInt8?) -> MailboxName {
        let text = ModifiedUTF7.decode(bytes) ?? WireText.decode(bytes)
        guard let delimiter, delimiter != UInt8(ascii: "/") else { return MailboxName(text) }
        let separator = Character(Unicode.Scalar(delimiter))
        return MailboxName(text.split(separator: separator, omittingEmptySubsequences: false).joined(separator: "/"))
    }

    /// The wire bytes as text (for logs, this is the mailbox name: treat it as private).
    public var description: String { WireText.decode(bytes) }
}
