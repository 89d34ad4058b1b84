import Archive
import ArgumentParser
import Foundation
import Logging
import MailQuery

// `--where remote|auto`: the servers' part of a search.
extension SearchCommand {
    /// Asks the servers (all of what they hold, or only what the archive has not seen), then
    /// writes the results; failures are warnings on standard error and decide the exit code.
    func searchServers(_ query: SearchQuery, archive: MailArchive?, searcher: ArchiveSearcher?,
                       out: BufferedOutput) async throws {
        let remote = place == .remote
        let plan: IMAPSearchPlan
        do {
            plan = try query.imapSearch()
        } catch {
            let parts = error.parts.map { "  \($0.text)  (\($0.reason))" }.joined(separator: "\n")
            if remote {
                throw CLIError(description: "this query cannot be sent to the server as IMAP SEARCH:\n\(parts)\n"
                               + "search the archive instead (--where local or auto)", exitCode: CairnExitCode.usage.rawValue)
            }
            FileHandleOutput.standardError.write("cairn: the archive answered alone; the servers were not asked, as IMAP "
                                                 + "SEARCH cannot express:\n\(parts)\n")
            try render(query, searcher: searcher, hits: [], out: out)
            return
        }
        let accounts = try serverAccounts(strict: remote)
        guard !accounts.isEmpty else {
            if remote {
                throw CLIError(description: "no accounts to search on (add one with: cairn account add NAME --host HOST ...)",
                               exitCode: CairnExitCode.usage.rawValue)
            }
            if !global.quiet && global.verbose {
                FileHandleOutput.standardError.write("cairn: no accounts configured: the archive answered alone\n")
            }
            try render(query, searcher: searcher, hits: [], out: out)
            return
        }
        let report = await RemoteSearcher(archive: archive, logger: SyncCommand.logger(verbose: global.verbose))
            .search(plan, accounts: accounts, scope: remote ? .everything : .newerThanArchive)
        let hits = remote ? report.hits : try searcher?.hitsBeyondArchive(report.hits, query: query) ?? report.hits
        try render(query, searcher: remote ? nil : searcher, hits: hits, out: out, accounts: accounts)
        out.flush()
        if global.verbose {
            FileHandleOutput.standardError.write("cairn: searched \(report.searchedFolders.count) folders on the servers"
                                                 + (remote ? "" : " (\(report.upToDateFolders) had nothing new)") + "\n")
        }
        for failure in report.failures {
            FileHandleOutput.standardError.write("cairn: \(remote ? "" : "warning: ")\(failure.message)\n")
        }
        guard !report.failures.isEmpty else { return }
        if remote && report.failures.contains(where: \.isServerFailure) { throw ExitCode(CairnExitCode.server.rawValue) }
        if !remote {
            FileHandleOutput.standardError.write("cairn: the results above are the archive's\(hits.isEmpty ? "" : " and what the other servers found"); "
                                                 + "a server part failed (exit 3)\n")
        }
        throw ExitCode(CairnExitCode.partial.rawValue)
    }

    /// The accounts whose servers are asked: every one of config.toml, or the one `--account` names
    /// (`strict`: which must exist; else an account of imports only has no server to ask).
    private func serverAccounts(strict: Bool) throws -> [AccountConfig] {
        let config = try ConfigFile(home: global.resolvedHome).load()
        guard let account else { return config.accounts }
        guard let named = config.account(named: account) else {
            if !strict { return [] }
            throw CLIError(description: "no account named '\(account)' (see: cairn account list)",
                           exitCode: CairnExitCode.usage.rawValue)
        }
        return [named]
    }
}
