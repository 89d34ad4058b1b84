import MailModel

/// A set of UIDs or sequence numbers as IMAP writes them: `1:5,7,9:*` (RFC 3501 9, `sequence-set`).
///
/// `*` (the largest number in use) is stored as `UInt32.max`. Ranges are kept sorted and merged.
public struct IdentifierSet<Element: MessageIdentifier>: Hashable, Sendable, CustomStringConvertible {
    /// The ranges, sorted, non-overlapping and non-adjacent.
    public private(set) var ranges: [ClosedRange<UInt32>]

    /// The empty set (not writable on the wire).
    public init() { ranges = [] }

    /// The set of the given ranges of raw numbers (in any order; overlaps are merged).
    public init<S: Sequence>(rawRanges: S) where S.Element == ClosedRange<UInt32> {
        ranges = []
        for range in rawRanges { insert(range) }
    }

    /// The set of the given ranges.
    public init<S: Sequence>(_ ranges: S) where S.Element == ClosedRange<Element> {
        self.init(rawRanges: ranges.map { $0.lowerBound.rawValue...$0.upperBound.rawValue })
    }

    /// A set of single numbers.
    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init(rawRanges: elements.map { $0.rawValue...$0.rawValue })
    }

    /// `1:*`: every message.
    public static var all: IdentifierSet { IdentifierSet(rawRanges: [1...UInt32.max]) }

    /// Whether the set has no member.
    public var isEmpty: Bool { ranges.isEmpty }

    /// The number of members (`*` counts as UInt32.max).
    public var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }

    /// The smallest member.
    public var first: Element? { ranges.first.map { Element(rawValue: $0.lowerBound) } }

    /// The largest member.
    public var last: Element? { ranges.last.map { Element(rawValue: $0.upperBound) } }

    /// Whether a number is in the set.
    public func contains(_ element: Element) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if element.rawValue < range.lowerBound {
                high = middle - 1
            } else if element.rawValue > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Adds a range of raw numbers.
    public mutating func insert(_ range: ClosedRange<UInt32>) {
        var merged = range
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(ranges.count + 1)
        var placed = false
        for existing in ranges {
            if existing.upperBound < merged.lowerBound && merged.lowerBound - existing.upperBound > 1 {
                result.append(existing)
            } else if merged.upperBound < existing.lowerBound && existing.lowerBound - merged.upperBound > 1 {
                if !placed {
                    result.append(merged)
                    placed = true
                }
                result.append(existing)
            } else {
                merged = min(existing.lowerBound, merged.lowerBound)...max(existing.upperBound, merged.upperBound)
            }
        }
        if !placed { result.append(merged) }
        ranges = result
    }

    /// Adds one number.
    public mutating func insert(_ element: Element) { insert(element.rawValue...element.rawValue) }

    /// The members in ascending order (do not iterate a set that ends in `*`).
    public var elements: some Sequence<Element> {
        ranges.lazy.flatMap { $0 }.map { Element(rawValue: $0) }
    }

    /// The wire form, `1:5,7,9:*`.
    public var description: String {
        func text(_ value: UInt32) -> String { value == UInt32.max ? "*" : String(value) }
        return ranges.map { range in
            range.lowerBound == range.upperBound ? text(range.lowerBound)
                : "\(text(range.lowerBound)):\(text(range.upperBound))"
        }.joined(separator: ",")
    }
}

/// A set of UIDs (`UID FETCH 1:100`, `VANISHED 3:5`, `APPENDUID`).
public typealias UIDSet = IdentifierSet<UID>

/// A set of message sequence numbers.
public typealias SequenceSet = IdentifierSet<SequenceNumber>
