/// Where a part sits in a message, numbered as IMAP numbers BODY sections (RFC 3501 6.4.5).
///
/// The top-level body of a non-multipart message is `1`; the children of a multipart are numbered
/// from 1 under the multipart's own number; the body of an encapsulated message/rfc822 at `2` is
/// `2.1` when it is a single part, and its children are `2.1`, `2.2`... when it is a multipart.
/// The root (no components) is the whole message. A uuencoded block found inside a text part has no
/// IMAP number: it is written `1.uu1` (the first block inside part 1).
public struct PartPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The section numbers, outermost first; empty for the message itself.
    public var components: [Int]
    /// The 1-based number of a uuencoded block inside the part at `components`, if this names one.
    public var embedded: Int?

    /// The whole message.
    public static let root = PartPath([])

    /// Creates a path from its section numbers.
    public init(_ components: [Int], embedded: Int? = nil) {
        self.components = components
        self.embedded = embedded
    }

    /// Parses `1.2.3` or `1.uu2`; nil when malformed. The empty string is the root.
    public init?(_ text: String) {
        if text.isEmpty {
            self.init([])
            return
        }
        var numbers: [Int] = []
        var embedded: Int?
        for piece in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard embedded == nil else { return nil }
            if piece.hasPrefix("uu"), let number = Int(piece.dropFirst(2)), number > 0, !numbers.isEmpty {
                embedded = number
            } else if let number = Int(piece), number > 0, piece.first != "+" {
                numbers.append(number)
            } else {
                return nil
            }
        }
        self.init(numbers, embedded: embedded)
    }

    /// The path of the n-th child (1-based) of this part.
    public func child(_ number: Int) -> PartPath {
        PartPath(components + [number])
    }

    /// This path placed under another (used for parts of encapsulated messages).
    public func under(_ prefix: PartPath) -> PartPath {
        PartPath(prefix.components + components, embedded: embedded)
    }

    /// Whether this is the root.
    public var isRoot: Bool { components.isEmpty && embedded == nil }

    /// `1.2.3`, `1.uu1`, or the empty string for the root.
    public var description: String {
        var text = components.map(String.init).joined(separator: ".")
        if let embedded { text += (text.isEmpty ? "" : ".") + "uu\(embedded)" }
        return text
    }

    /// Orders paths as the parts appear in the message.
    public static func < (lhs: PartPath, rhs: PartPath) -> Bool {
        for (a, b) in zip(lhs.components, rhs.components) where a != b { return a < b }
        if lhs.components.count != rhs.components.count { return lhs.components.count < rhs.components.count }
        return (lhs.embedded ?? 0) < (rhs.embedded ?? 0)
    }
}
