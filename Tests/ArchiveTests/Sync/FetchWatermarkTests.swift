@testable import Archive
import MailModel
import Testing

@Suite("FetchWatermark")
struct FetchWatermarkTests {
    private func watermark(_ values: [UInt32]) -> FetchWatermark { FetchWatermark(UIDList(values.map { UID($0) })) }

    @Test("answers in order move it one by one")
    func inOrder() {
        var mark = watermark([3, 5, 9])
        #expect(mark.low == UID(3))
        mark.received(UID(3))
        #expect(mark.low == UID(5))
        mark.received(UID(5))
        mark.received(UID(9))
        #expect(mark.low == UID(10))
        #expect(mark.highest == UID(9))
    }

    @Test("interleaved answers (Dovecot's parallel FETCH) hold it at the lowest UID still missing")
    func interleaved() {
        var mark = watermark(Array(1...800))
        for uid in Array(1...47) + Array(601...800) + Array(401...600) + Array(201...400) {
            mark.received(UID(UInt32(uid)))
            #expect(mark.low!.rawValue <= 48)
        }
        #expect(mark.low == UID(48))
        #expect(mark.highest == UID(800))
        for uid in 48...199 { mark.received(UID(UInt32(uid))) }
        #expect(mark.low == UID(200))
        mark.received(UID(200))
        #expect(mark.low == UID(801))
    }

    @Test("a UID the server never sends (expunged meanwhile) holds it")
    func skipped() {
        var mark = watermark([1, 2, 3, 4])
        mark.received(UID(1))
        mark.received(UID(3))
        mark.received(UID(4))
        #expect(mark.low == UID(2))
    }
}
