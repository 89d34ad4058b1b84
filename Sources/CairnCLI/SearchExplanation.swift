import Archive
import MailQuery

/// `search --explain`: how the query was understood, in words, as the index runs it, and as the
/// IMAP SEARCH command the servers would get (or which parts cannot be sent, and why).
enum SearchExplanation {
    static func render(_ query: SearchQuery, searcher: ArchiveSearcher?, place: SearchPlace) throws -> String {
        var out = "query:     \(query.text.isEmpty ? "*" : query.text)\n"
        out += "canonical: \(query.description)\n"
        out += "meaning:\n" + indented(query.explanation) + "\n"
        out += "xapian:    \(try searcher.map { try $0.describe(query) } ?? "(no archive yet)")\n"
        do {
            let plan = try query.imapSearch()
            out += "imap:      \(plan.commandText())\n"
            out += "           (\(plan.commandText(eSearch: true)) when the server offers ESEARCH)\n"
            out += "  folders: " + folders(plan) + "\n"
            out += "  accounts: " + accounts(plan) + "\n"
        } catch {
            out += "imap:      none: IMAP SEARCH cannot express\n"
            out += error.parts.map { "           \($0.text)  (\($0.reason))" }.joined(separator: "\n") + "\n"
        }
        out += "where:     " + describe(place) + "\n"
        return out
    }

    private static func indented(_ text: String) -> String {
        text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
    }

    private static func patterns(_ list: [GlobPattern]) -> String {
        list.map { "\"\($0.text)\"" }.joined(separator: " or ")
    }

    private static func folders(_ plan: IMAPSearchPlan) -> String {
        var parts = plan.folderGroups.map { "named " + patterns($0) }
        if !plan.excludedFolders.isEmpty { parts.append("not named " + patterns(plan.excludedFolders)) }
        return parts.isEmpty ? "every folder each account archives" : parts.joined(separator: ", ")
            + " (whether or not the account archives them)"
    }

    private static func accounts(_ plan: IMAPSearchPlan) -> String {
        var parts = plan.accountGroups.map { "named " + patterns($0) }
        if !plan.excludedAccounts.isEmpty { parts.append("not named " + patterns(plan.excludedAccounts)) }
        return parts.isEmpty ? "every account of config.toml" : parts.joined(separator: ", ")
    }

    private static func describe(_ place: SearchPlace) -> String {
        switch place {
        case .local:
            return "local: the archive only (--where remote asks the servers, --where auto both)"
        case .remote:
            return "remote: the servers only, in every folder chosen; archived copies are labelled with their id"
        case .auto:
            return "auto: the archive, then the servers about what it has not seen: whole folders never synced, "
                + "and in synced folders `UID n:*` with n the UIDNEXT stored at the last sync"
        }
    }
}
