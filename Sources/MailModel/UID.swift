/// An IMAP unique identifier of a message within one mailbox and one UIDVALIDITY (RFC 3501 2.3.1.1).
public struct UID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number, 1 to 2^32-1.
    public var rawValue: UInt32

    /// Wraps a UID number.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Wraps a UID number.
    public init(_ value: UInt32) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: UID, rhs: UID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}

/// The UIDVALIDITY of a mailbox: UIDs are only meaningful together with it (RFC 3501 2.3.1.1).
public struct UIDValidity: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number, 1 to 2^32-1.
    public var rawValue: UInt32

    /// Wraps a UIDVALIDITY number.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Wraps a UIDVALIDITY number.
    public init(_ value: UInt32) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: UIDValidity, rhs: UIDValidity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}

/// A CONDSTORE modification sequence (RFC 7162 3.1.1).
public struct ModSeq: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number, 1 to 2^63-1.
    public var rawValue: UInt64

    /// Wraps a mod-sequence value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// Wraps a mod-sequence value.
    public init(_ value: UInt64) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: ModSeq, rhs: ModSeq) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}
