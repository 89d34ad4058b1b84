import Foundation
import MailStore

/// What `cairn stats` reports.
struct StatsFacts {
    var home: String
    var stats: ArchiveStats
    var indexDocuments: Int
    var databaseBytes: Int64
    var indexBytes: Int64
}

/// `cairn stats` as text and as JSON (`Schemas/json/stats.schema.json`).
enum StatsOutput {
    static func json(_ facts: StatsFacts) -> JSONValue {
        let stats = facts.stats
        func group(_ group: ArchiveStats.Group) -> JSONValue {
            var members: [(String, JSONValue)] = [("account", .string(group.account))]
            if let folder = group.folder { members.append(("folder", .string(folder.path))) }
            members += [("messages", .int(Int64(group.messages))), ("bytes", .int(group.bytes)),
                        ("expunged", .int(Int64(group.expunged)))]
            return .object(members)
        }
        return .object([
            ("home", .string(facts.home)),
            ("messages", .int(Int64(stats.messages))),
            ("bytes", .int(stats.bytes)),
            ("stored_bytes", .int(stats.storedBytes)),
            ("threads", .int(Int64(stats.threads))),
            ("sightings", .int(Int64(stats.sightings))),
            ("expunged_messages", .int(Int64(stats.expungedMessages))),
            ("oldest_date", .optional(stats.oldestDate?.iso8601)),
            ("newest_date", .optional(stats.newestDate?.iso8601)),
            ("first_archived", .optional(stats.firstArchived?.iso8601)),
            ("last_archived", .optional(stats.lastArchived?.iso8601)),
            ("audit_entries", .int(stats.auditEntries)),
            ("active_holds", .int(Int64(stats.activeHolds))),
            ("held_messages", .int(Int64(stats.heldMessages))),
            ("index", .object([("documents", .int(Int64(facts.indexDocuments))),
                               ("pending", .int(Int64(stats.pendingIndex)))])),
            ("disk", .object([("database_bytes", .int(facts.databaseBytes)), ("index_bytes", .int(facts.indexBytes))])),
            ("accounts", .array(stats.accounts.map(group))),
            ("folders", .array(stats.folders.map(group))),
        ])
    }

    static func text(_ facts: StatsFacts) -> String {
        let stats = facts.stats
        var out = ""
        func line(_ label: String, _ value: String) { out += label.padding(14) + value + "\n" }
        line("archive:", facts.home)
        line("messages:", "\(stats.messages) (\(size(stats.bytes)) as received, \(size(stats.storedBytes)) stored)")
        line("threads:", String(stats.threads))
        line("sightings:", "\(stats.sightings) places seen; \(stats.expungedMessages) messages gone from the server")
        if let oldest = stats.oldestDate, let newest = stats.newestDate {
            line("dates:", "\(oldest.iso8601.prefix(10)) to \(newest.iso8601.prefix(10))")
        }
        if let first = stats.firstArchived, let last = stats.lastArchived {
            line("archived:", "\(first.iso8601) to \(last.iso8601)")
        }
        line("index:", "\(facts.indexDocuments) documents, \(stats.pendingIndex) messages waiting")
        line("disk:", "\(size(facts.databaseBytes)) database, \(size(facts.indexBytes)) index")
        line("audit:", "\(stats.auditEntries) entries")
        line("holds:", "\(stats.activeHolds) active, \(stats.heldMessages) messages held")
        if !stats.accounts.isEmpty {
            out += "accounts:\n"
            for group in stats.accounts {
                out += "  " + group.account.padding(24) + "\(group.messages) messages".padding(18) + size(group.bytes) + "\n"
            }
        }
        if !stats.folders.isEmpty {
            out += "folders:\n"
            for group in stats.folders {
                let name = group.account + "/" + (group.folder?.path ?? "")
                out += "  " + name.padding(24) + "\(group.messages) messages".padding(18) + size(group.bytes) + "\n"
            }
        }
        return out
    }

    static func size(_ bytes: Int64) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
    }
}
