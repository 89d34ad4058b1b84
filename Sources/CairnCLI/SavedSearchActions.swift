import Archive
import Foundation
import MailModel
import MailQuery

/// What `cairn query` and `cairn search --save` do with saved searches.
struct SavedSearchActions {
    let global: GlobalOptions

    /// Saves a search after checking it parses; says how many messages it matches now.
    func save(name: String, words: [String]) throws {
        let text = QueryInput.text(words)
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CLIError(description: "give the query to save: cairn query save NAME QUERY...",
                           exitCode: CairnExitCode.usage.rawValue)
        }
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        let now = Timestamp(secondsSince1970: Int64(Date().timeIntervalSince1970))
        do {
            try archive.saveSearch(name: name, query: text, now: now)
        } catch let error as QueryError {
            throw CLIError(description: "bad query: \(error.description)\n  \(text)\n  \(error.marker(under: text))",
                           exitCode: CairnExitCode.usage.rawValue)
        } catch let error as SavedSearchNameError {
            throw CLIError(description: error.description, exitCode: CairnExitCode.usage.rawValue)
        }
        guard !global.quiet else { return }
        let count = (try? archive.makeSearcher().count(try archive.parseQuery("query:" + name, now: now))) ?? 0
        FileHandleOutput.standardOutput.write("saved query:\(name) = \(text)  (\(count) messages match now)\n")
    }

    /// Lists the saved searches.
    func list(format: SavedSearchFormat) throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let saved = try archive.savedSearches()
        switch format {
        case .json:
            let value = JSONValue.array(saved.map {
                .object([("name", .string($0.name)), ("query", .string($0.query)), ("saved_at", .string($0.createdAt.iso8601))])
            })
            FileHandleOutput.standardOutput.write(value.pretty + "\n")
        case .text:
            if saved.isEmpty {
                if !global.quiet {
                    FileHandleOutput.standardError.write("no saved searches yet (cairn query save NAME QUERY...)\n")
                }
                return
            }
            let width = saved.map { $0.name.displayWidth }.max() ?? 0
            FileHandleOutput.standardOutput.write(saved.map { $0.name.padded(width) + "  " + $0.query + "\n" }.joined())
        }
    }

    /// Deletes a saved search (exit 2 when there is none of that name).
    func delete(name: String) throws {
        let archive = try ArchiveOpener.forWriting(global, catchUp: false)
        defer { try? archive.close() }
        guard try archive.deleteSavedSearch(named: name) else {
            throw CLIError(description: "no saved search is named \"\(name)\" (see: cairn query list)",
                           exitCode: CairnExitCode.usage.rawValue)
        }
        if !global.quiet { FileHandleOutput.standardOutput.write("deleted query:\(name)\n") }
        let users = try archive.savedSearches().filter { $0.query.contains("query:" + name) }.map(\.name)
        if !users.isEmpty {
            FileHandleOutput.standardError.write("cairn: the saved searches \(users.joined(separator: ", ")) use query:\(name) "
                                                 + "and fail until it is saved again\n")
        }
    }
}
