/// Something wrong with one stored message, found by verification.
public struct MessageIntegrityProblem: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem; open for new kinds.
    public struct Kind: RawRepresentable, Hashable, Sendable {
        /// A short name.
        public let rawValue: String

        /// Wraps a name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A chunk is missing or does not decode.
        public static let damaged = Kind(rawValue: "damaged")
        /// The bytes' size differs from the recorded size.
        public static let sizeMismatch = Kind(rawValue: "size-mismatch")
        /// The bytes' SHA-256 differs from the recorded one.
        public static let sha256Mismatch = Kind(rawValue: "sha256-mismatch")
        /// The bytes' CRLF-form SHA-256 differs from the message's id.
        public static let idMismatch = Kind(rawValue: "id-mismatch")
        /// The message has no `message.archived` audit entry.
        public static let auditMissing = Kind(rawValue: "audit-missing")
        /// The audit entry records another SHA-256.
        public static let auditMismatch = Kind(rawValue: "audit-mismatch")
    }

    /// The message.
    public var message: MessageRef
    /// What is wrong.
    public var kind: Kind
    /// Details, without message content.
    public var detail: String

    /// Creates a problem.
    public init(message: MessageRef, kind: Kind, detail: String) {
        self.message = message
        self.kind = kind
        self.detail = detail
    }

    /// `message <id>: detail`.
    public var description: String { "message \(message.id.hex): \(detail)" }
}
