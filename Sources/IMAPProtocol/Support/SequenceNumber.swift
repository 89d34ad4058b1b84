import MailModel

/// A message sequence number: the position of a message in the selected mailbox, 1-based, which shifts
/// as messages are expunged (RFC 3501 2.3.1.2). Not to be confused with a ``MailModel/UID``.
public struct SequenceNumber: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The number.
    public var rawValue: UInt32

    /// Wraps a sequence number.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Wraps a sequence number.
    public init(_ value: UInt32) { self.rawValue = value }

    /// Orders by number.
    public static func < (lhs: SequenceNumber, rhs: SequenceNumber) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The decimal form.
    public var description: String { String(rawValue) }
}

/// A message number kind that can go into an ``IdentifierSet``: ``MailModel/UID`` or ``SequenceNumber``.
public protocol MessageIdentifier: Hashable, Comparable, Sendable {
    /// The number.
    var rawValue: UInt32 { get }
    /// Wraps a number.
    init(rawValue: UInt32)
}

extension SequenceNumber: MessageIdentifier {}
extension UID: MessageIdentifier {}
