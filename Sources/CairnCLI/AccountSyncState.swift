import Archive
import Foundation
import MailModel
import MailStore

/// The per-folder sync state `cairn account show` adds: each folder's last sync, the messages
/// archived from it (still on the server), its special use, and whether it is gone from the server.
struct AccountSyncState {
    /// One folder's state.
    struct Folder {
        var state: FolderState
        var archived: Int
    }

    /// The folders, by name; empty when the archive does not exist yet.
    var folders: [Folder]

    /// Reads the state of an account from the archive of `home` (read-only, never waiting).
    static func load(home: URL, account: String) -> AccountSyncState {
        guard let archive = try? MailArchive.open(home: home, access: .readOnly, options: .singleReader) else {
            return AccountSyncState(folders: [])
        }
        defer { try? archive.close() }
        let folders = (try? archive.store.read { reader -> [Folder] in
            try reader.folderStates(account: account).map { state in
                let count = try state.uidValidity.map {
                    try reader.uids(account: account, folder: state.folder, uidValidity: $0).count
                } ?? 0
                return Folder(state: state, archived: count)
            }
        }) ?? []
        return AccountSyncState(folders: folders)
    }

    /// The text lines.
    var text: String {
        guard !folders.isEmpty else { return "synced:    never (run: cairn sync)\n" }
        let width = max(12, folders.map { $0.state.folder.path.count }.max() ?? 0) + 2
        var out = "folders synced:\n"
        for folder in folders {
            var line = "  " + folder.state.folder.path.padding(width) + "\(folder.archived) archived".padding(16)
            line += "last sync " + (folder.state.lastSync?.iso8601 ?? "never")
            if let use = folder.state.specialUse { line += "  " + use }
            if !folder.state.existsOnServer { line += "  (gone from the server)" }
            out += line + "\n"
        }
        return out
    }

    /// The JSON form.
    var json: JSONValue {
        .array(folders.map { folder in
            .object([
                ("folder", .string(folder.state.folder.path)),
                ("special_use", .optional(folder.state.specialUse)),
                ("archived", .int(Int64(folder.archived))),
                ("uidvalidity", folder.state.uidValidity.map { .int(Int64($0.rawValue)) } ?? .null),
                ("uidnext", folder.state.uidNext.map { .int(Int64($0.rawValue)) } ?? .null),
                ("highest_modseq", folder.state.highestModSeq.map { .int(Int64($0.rawValue)) } ?? .null),
                ("last_sync", .optional(folder.state.lastSync?.iso8601)),
                ("on_server", .bool(folder.state.existsOnServer)),
            ])
        })
    }
}
