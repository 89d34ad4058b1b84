import Archive
import MailIndex
import MailModel
import MailStore
import Testing

/// Merging the archive's matches with servers' hits: order, ties, undated results, paging.
@Suite("ResultMerger")
struct ResultMergerTests {
    /// Archived messages with these dates (seconds; nil undated), keys 1, 2, ... in the given order.
    private static func summaries(_ dates: [Int64?]) -> [MessageSummary] {
        dates.enumerated().map { index, date in
            let id = MessageID.of(Array("message \(index)".utf8))
            return MessageSummary(key: MessageKey(Int64(index + 1)), id: id, rawSHA256: id.digest, messageID: nil,
                                  thread: ThreadID(1), date: date.map(Timestamp.init(rawValue:)),
                                  archivedAt: Timestamp(rawValue: 0), from: [], to: [], cc: [], bcc: [], subject: nil,
                                  size: 1, listID: nil, folders: [], flags: [], isExpunged: false, attachments: [], holds: [])
        }
    }

    private static func hits(_ dates: [Int64?]) -> [RemoteHit] {
        dates.enumerated().map { index, date in
            RemoteHit(account: "a", folder: .inbox, uidValidity: UIDValidity(1), uid: UID(UInt32(index + 1)),
                      date: date.map(Timestamp.init(rawValue:)))
        }
    }

    /// The merged list as labels: `L<key>` and `S<uid>`.
    private func merge(local: [Int64?], server: [Int64?], order: SearchOrder, offset: Int = 0, limit: Int? = nil,
                       pageSize: Int? = nil) throws -> [String] {
        let summaries = Self.summaries(local)
        let byKey = Dictionary(uniqueKeysWithValues: summaries.map { ($0.key, $0) })
        var labels: [String] = []
        var pages = 0
        try ResultMerger(order: order, offset: offset, limit: limit)
            .merge(local: summaries.map(\.key), server: Self.hits(server), summaries: { keys in
                pages += 1
                return keys.map { byKey[$0]! }
            }) { result in
                switch result {
                case .local(let summary): labels.append("L\(summary.key.rawValue)")
                case .server(let hit): labels.append("S\(hit.uid.rawValue)")
                }
            }
        return labels
    }

    @Test("newest first interleaves by date, archived results first at equal dates, undated last")
    func newest() throws {
        // The archive's list is already in its order (newest first, undated last).
        let labels = try merge(local: [500, 300, 300, nil], server: [400, 300, nil, 600, 100], order: .newest)
        #expect(labels == ["S4", "L1", "S1", "L2", "L3", "S2", "S5", "L4", "S3"])
    }

    @Test("oldest first: undated first, then by date")
    func oldest() throws {
        let labels = try merge(local: [nil, 100, 300], server: [200, nil, 400], order: .oldest)
        #expect(labels == ["L1", "S2", "L2", "S1", "L3", "S3"])
    }

    @Test("by relevance the archive's ranking comes first, then the hits newest first")
    func relevance() throws {
        let labels = try merge(local: [100, 500, 300], server: [200, 600], order: .relevance)
        #expect(labels == ["L1", "L2", "L3", "S2", "S1"])
    }

    @Test("offset and limit apply to the merged list", arguments: [(0, 3), (2, 3), (7, 5), (9, 2), (3, 0)])
    func paging(offset: Int, limit: Int) throws {
        let local: [Int64?] = [900, 700, 500, 300, 100]
        let server: [Int64?] = [800, 600, 400, 200]
        let all = try merge(local: local, server: server, order: .newest)
        #expect(all == ["L1", "S1", "L2", "S2", "L3", "S3", "L4", "S4", "L5"])
        let page = try merge(local: local, server: server, order: .newest, offset: offset, limit: limit)
        #expect(page == Array(all.dropFirst(offset).prefix(limit)))
    }

    @Test("without hits the archive's results pass through in order, page by page")
    func localOnly() throws {
        let dates: [Int64?] = (0..<1_200).map { Int64(10_000 - $0) }
        let labels = try merge(local: dates, server: [], order: .newest)
        #expect(labels == (1...1_200).map { "L\($0)" })
    }
}
