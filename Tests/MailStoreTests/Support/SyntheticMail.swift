import MailModel
import MailStore

/// Small synthetic messages and the metadata a decoder would report for them.
struct SyntheticMail {
    var subject = "Quarterly report"
    var messageID: String? = "<m1@example.org>"
    var inReplyTo: [String] = []
    var references: [String] = []
    var date: Timestamp? = Timestamp(rawValue: 1_700_000_000)
    var from = Address(name: "Ann Example", address: "ann@example.org")
    var to = [Address(name: nil, address: "bob@example.org")]
    var body = "Hello,\r\nthe numbers are in.\r\n"

    /// The message as bytes with CRLF line ends.
    var bytes: [UInt8] {
        var header = "From: \(from)\r\nTo: \(to.map(\.description).joined(separator: ", "))\r\nSubject: \(subject)\r\n"
        if let messageID { header += "Message-ID: \(messageID)\r\n" }
        if !inReplyTo.isEmpty { header += "In-Reply-To: \(inReplyTo.joined(separator: " "))\r\n" }
        if !references.isEmpty { header += "References: \(references.joined(separator: " "))\r\n" }
        return Array((header + "\r\n" + body).utf8)
    }

    /// What the decoder would report.
    var metadata: MessageMetadata {
        MessageMetadata(date: date, subject: subject, from: [from], to: to, messageID: messageID, inReplyTo: inReplyTo,
                        references: references)
    }
}

extension Sighting {
    /// An IMAP sighting in INBOX of account "work".
    static func imap(_ uid: UInt32, folder: String = "INBOX", account: String = "work", uidValidity: UInt32 = 7,
                     flags: Set<Flag> = []) -> Sighting {
        Sighting(source: .imap, account: account, folder: MailboxName(folder), uidValidity: UIDValidity(uidValidity),
                 uid: UID(uid), flags: flags, internalDate: Timestamp(rawValue: 1_700_000_100))
    }
}

extension WriteTransaction {
    /// Stores a synthetic message.
    @discardableResult
    func insert(_ mail: SyntheticMail, _ sighting: Sighting?) throws -> InsertOutcome {
        try insertMessage(bytes: mail.bytes, metadata: mail.metadata, sighting: sighting)
    }
}

/// Deterministic pseudo-random bytes (xorshift), for binary and large messages.
struct PseudoRandomBytes {
    private var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (count + 7) / 8 * 8)
        out.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt64.self)
            for index in 0..<words.count {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                words[index] = state
            }
        }
        out.removeLast(out.count - count)
        return out
    }

    /// Text-like bytes: printable words and CRLF lines, which compress like mail does.
    mutating func text(_ count: Int) -> [UInt8] {
        let words = ["the", "archive", "keeps", "every", "message", "byte", "for", "byte", "and", "quarterly", "report",
                     "numbers", "meeting", "tomorrow", "please", "find", "attached"].map { Array($0.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(count + 16)
        var column = 0
        while out.count < count {
            let word = words[Int(next(1)[0]) % words.count]
            out.append(contentsOf: word)
            column += word.count + 1
            if column > 70 {
                out.append(contentsOf: [13, 10])
                column = 0
            } else {
                out.append(32)
            }
        }
        return Array(out.prefix(count))
    }
}
