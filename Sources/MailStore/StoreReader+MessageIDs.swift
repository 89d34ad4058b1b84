import Foundation
import GRDB
import MailModel

extension StoreReader {
    /// The ids of many messages at once, in the order of `keys` (unknown keys are skipped): one
    /// query, for listing search results by id.
    public func messageIDs(of keys: [MessageKey]) throws -> [MessageID] {
        guard !keys.isEmpty else { return [] }
        var byKey: [Int64: MessageID] = [:]
        byKey.reserveCapacity(keys.count)
        let rows = try Row.fetchCursor(db.cachedStatement(
            sql: "SELECT id, digest FROM message WHERE id IN (SELECT value FROM json_each(?))"),
            arguments: [ColumnText.keys(keys)])
        while let row = try rows.next() {
            if let id = MessageID.fromBlob(row[1]) { byKey[row[0]] = id }
        }
        return keys.compactMap { byKey[$0.rawValue] }
    }
}
