/// The ENVELOPE of a message: its main header fields as the server parsed them. Strings are as sent
/// (RFC 2047 encoded words are not decoded here).
///
/// - SeeAlso: RFC 3501 7.4.2 (`envelope`).
public struct Envelope: Hashable, Sendable {
    /// The Date header.
    public var date: String?
    /// The Subject header.
    public var subject: String?
    /// From.
    public var from: [EnvelopeAddress]
    /// Sender.
    public var sender: [EnvelopeAddress]
    /// Reply-To.
    public var replyTo: [EnvelopeAddress]
    /// To.
    public var to: [EnvelopeAddress]
    /// Cc.
    public var cc: [EnvelopeAddress]
    /// Bcc.
    public var bcc: [EnvelopeAddress]
    /// In-Reply-To.
    public var inReplyTo: String?
    /// Message-ID.
    public var messageID: String?

    /// An envelope.
    public init(date: String? = nil, subject: String? = nil, from: [EnvelopeAddress] = [],
                sender: [EnvelopeAddress] = [], replyTo: [EnvelopeAddress] = [], to: [EnvelopeAddress] = [],
                cc: [EnvelopeAddress] = [], bcc: [EnvelopeAddress] = [], inReplyTo: String? = nil,
                messageID: String? = nil) {
        self.date = date
        self.subject = subject
        self.from = from
        self.sender = sender
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.inReplyTo = inReplyTo
        self.messageID = messageID
    }
}

/// One address of an envelope: `("Alice" NIL "alice" "example.com")`. A group is written as an address
/// with a nil host and the group name as mailbox, its members, then an address with nil mailbox.
public struct EnvelopeAddress: Hashable, Sendable {
    /// The display name.
    public var name: String?
    /// The obsolete source route.
    public var adl: String?
    /// The local part (or a group name).
    public var mailbox: String?
    /// The domain.
    public var host: String?

    /// An address.
    public init(name: String?, adl: String?, mailbox: String?, host: String?) {
        self.name = name
        self.adl = adl
        self.mailbox = mailbox
        self.host = host
    }
}
