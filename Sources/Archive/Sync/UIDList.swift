import IMAPProtocol
import MailModel

/// A sorted list of distinct UIDs, for the set arithmetic of a folder sync (what the server has, what
/// the archive has, what to fetch) in linear time, whatever the gaps between the UIDs.
struct UIDList: Equatable, Sendable {
    /// The UIDs, ascending, without repeats.
    private(set) var uids: [UID]

    /// The empty list.
    init() { uids = [] }

    /// A list from UIDs in any order (sorted and made distinct here).
    init(_ uids: some Sequence<UID>) {
        var sorted = Array(uids)
        sorted.sort()
        var distinct: [UID] = []
        distinct.reserveCapacity(sorted.count)
        for uid in sorted where distinct.last != uid { distinct.append(uid) }
        self.uids = distinct
    }

    /// A list from UIDs known to be ascending and distinct.
    init(sorted uids: [UID]) { self.uids = uids }

    /// The members of a UID set; a set ending in `*` stops at `upTo`.
    init(_ set: UIDSet, upTo limit: UID? = nil) {
        var result: [UID] = []
        for range in set.ranges {
            let high = min(range.upperBound, limit?.rawValue ?? UInt32.max - 1)
            guard range.lowerBound <= high else { continue }
            result.reserveCapacity(result.count + Int(high - range.lowerBound) + 1)
            for value in range.lowerBound...high { result.append(UID(value)) }
        }
        self.uids = result
    }

    /// Whether the list is empty.
    var isEmpty: Bool { uids.isEmpty }
    /// The number of UIDs.
    var count: Int { uids.count }
    /// The largest UID.
    var last: UID? { uids.last }

    /// Whether a UID is in the list.
    func contains(_ uid: UID) -> Bool {
        var low = 0, high = uids.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if uids[middle] == uid { return true }
            if uids[middle] < uid { low = middle + 1 } else { high = middle - 1 }
        }
        return false
    }

    /// The UIDs of this list that `other` lacks.
    func subtracting(_ other: UIDList) -> UIDList {
        var result: [UID] = []
        var j = 0
        for uid in uids {
            while j < other.uids.count && other.uids[j] < uid { j += 1 }
            if j < other.uids.count && other.uids[j] == uid { continue }
            result.append(uid)
        }
        return UIDList(sorted: result)
    }

    /// The UIDs in both lists.
    func intersection(_ other: UIDList) -> UIDList {
        var result: [UID] = []
        var i = 0, j = 0
        while i < uids.count && j < other.uids.count {
            if uids[i] == other.uids[j] {
                result.append(uids[i])
                i += 1
                j += 1
            } else if uids[i] < other.uids[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return UIDList(sorted: result)
    }

    /// The UIDs at or above `lowest`.
    func from(_ lowest: UID) -> UIDList {
        var low = 0, high = uids.count
        while low < high {
            let middle = (low + high) / 2
            if uids[middle] < lowest { low = middle + 1 } else { high = middle }
        }
        return UIDList(sorted: Array(uids[low...]))
    }

    /// The UIDs in pieces of at most `size`, in order.
    func chunks(of size: Int) -> [UIDList] {
        stride(from: 0, to: uids.count, by: max(1, size)).map {
            UIDList(sorted: Array(uids[$0..<min(uids.count, $0 + max(1, size))]))
        }
    }

    /// The UIDs as an IMAP set (`1:5,7`), ranges merged in one pass.
    var set: UIDSet {
        var ranges: [ClosedRange<UInt32>] = []
        for uid in uids {
            if let previous = ranges.last, previous.upperBound &+ 1 == uid.rawValue {
                ranges[ranges.count - 1] = previous.lowerBound...uid.rawValue
            } else {
                ranges.append(uid.rawValue...uid.rawValue)
            }
        }
        return UIDSet(rawRanges: ranges)
    }
}
