/// One mailbox address from a From, To, Cc, Bcc, Sender or Reply-To header.
public struct Address: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The decoded display name, if any.
    public var name: String?
    /// The addr-spec, `local@domain`, as written (empty when only a name was given).
    public var address: String

    /// Creates an address.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// `Name <address>` or the bare address.
    public var description: String {
        if let name, !name.isEmpty { return "\(name) <\(address)>" }
        return address
    }
}
