@testable import Archive
import IMAPProtocol
import MailModel
import Testing

@Suite("UIDList")
struct UIDListTests {
    private func list(_ values: [UInt32]) -> UIDList { UIDList(values.map { UID($0) }) }

    @Test("sorts, drops repeats, and does set arithmetic")
    func arithmetic() {
        let a = list([9, 1, 5, 3, 5, 7])
        let b = list([3, 4, 5, 10])
        #expect(a.uids.map(\.rawValue) == [1, 3, 5, 7, 9])
        #expect(a.subtracting(b).uids.map(\.rawValue) == [1, 7, 9])
        #expect(a.intersection(b).uids.map(\.rawValue) == [3, 5])
        #expect(a.from(UID(5)).uids.map(\.rawValue) == [5, 7, 9])
        #expect(a.from(UID(10)).isEmpty)
        #expect(a.contains(UID(7)) && !a.contains(UID(8)))
        #expect(a.chunks(of: 2).map { $0.uids.map(\.rawValue) } == [[1, 3], [5, 7], [9]])
    }

    @Test("converts to and from IMAP sets, merging runs; a set ending in * stops at the limit")
    func sets() {
        let values: [UInt32] = [1, 2, 3, 5, 8, 9]
        #expect(list(values).set.description == "1:3,5,8:9")
        #expect(UIDList(UIDSet(rawRanges: [1...3, 7...8])).uids.map(\.rawValue) == [1, 2, 3, 7, 8])
        #expect(UIDList(UIDSet(rawRanges: [4...UInt32.max]), upTo: UID(6)).uids.map(\.rawValue) == [4, 5, 6])
    }

    @Test("scattered UIDs stay linear", arguments: [20_000])
    func scattered(count: Int) {
        let odd = UIDList((0..<count).map { UID(UInt32($0 * 2 + 1)) })
        let all = UIDList((1...(count * 2)).map { UID(UInt32($0)) })
        #expect(all.subtracting(odd).count == count)
        #expect(all.intersection(odd).count == count)
    }
}
