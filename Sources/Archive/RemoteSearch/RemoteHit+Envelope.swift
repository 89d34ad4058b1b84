import IMAPClient
import IMAPProtocol
import MailModel
import MIME

extension RemoteHit {
    /// The hit described by a FETCH of `(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)`; nil without a UID.
    /// Encoded words (RFC 2047) in names and the subject are decoded, the Date header read as
    /// `MailDate` reads it (so a server result and its archived copy show the same date).
    init?(_ attributes: FetchedAttributes, account: String, folder: MailboxName, uidValidity: UIDValidity) {
        guard let uid = attributes.uid else { return nil }
        self.init(account: account, folder: folder, uidValidity: uidValidity, uid: uid)
        for attribute in attributes.attributes {
            switch attribute {
            case .flags(let value): flags = value.filter { $0 != .recent }.sorted()
            case .internalDate(let value): internalDate = value
            case .rfc822Size(let value): size = value
            case .envelope(let envelope): apply(envelope)
            default: break
            }
        }
    }

    private mutating func apply(_ envelope: Envelope) {
        date = envelope.date.flatMap(MailDate.parse)
        subject = envelope.subject.map { EncodedWords.decode($0).text }
        from = RemoteHit.addresses(envelope.from)
        to = RemoteHit.addresses(envelope.to)
        cc = RemoteHit.addresses(envelope.cc)
        messageID = envelope.messageID.flatMap(RemoteHit.bareMessageID)
    }

    /// The mailboxes of an envelope address list (group markers left out), names decoded.
    static func addresses(_ list: [EnvelopeAddress]) -> [Address] {
        list.compactMap { item in
            guard let mailbox = item.mailbox, let host = item.host else { return nil }
            let name = item.name.map { EncodedWords.decode($0).text }.flatMap { $0.isEmpty ? nil : $0 }
            return Address(name: name, address: host.isEmpty ? mailbox : mailbox + "@" + host)
        }
    }

    /// `<abc@example.org>` as `abc@example.org`; nil when empty.
    static func bareMessageID(_ value: String) -> String? {
        var text = Substring(value).drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        if text.hasPrefix("<") { text = text.dropFirst() }
        if text.hasSuffix(">") { text = text.dropLast() }
        return text.isEmpty ? nil : String(text)
    }
}
