import Archive
import ArgumentParser
import Foundation

extension SyncCommand {
    /// `cairn sync --fetch-only`: reads every body of the selected folders as a sync fetches them,
    /// archives nothing (the archive is neither opened nor locked), and prints a line per account.
    func runFetchOnly(_ accounts: [AccountConfig]) async throws {
        let run = FetchOnlyRun(options: syncOptions(), logger: SyncCommand.logger(verbose: global.verbose,
                                                                                   debug: global.debug))
        let started = ContinuousClock.now
        let report = await run.run(SyncRequest(accounts: accounts, folders: folders))
        let elapsed = ProgressBar.seconds(ContinuousClock.now - started)
        if !global.quiet { FileHandleOutput.standardOutput.write(SyncCommand.fetchOnlySummary(report, elapsed: elapsed)) }
        var errors = ""
        for account in report.accounts {
            if let error = account.error { errors += "cairn: \(error.message)\n" }
            for failure in account.failures { errors += "cairn: \(failure.message)\n" }
        }
        if !errors.isEmpty { FileHandleOutput.standardError.write(errors) }
        if report.hasServerFailure { throw ExitCode(CairnExitCode.server.rawValue) }
        if report.isPartial { throw ExitCode(CairnExitCode.partial.rawValue) }
    }

    /// The summary: one line per account (and a total line for several), e.g.
    /// `acct: fetch only: 20 folders, 20000 messages, 291504128 bytes (278 MB) in 9.8 s: 2040 messages/s,
    /// 28.4 MB/s; nothing archived`.
    static func fetchOnlySummary(_ report: FetchOnlyReport, elapsed: Double) -> String {
        func line(_ name: String, folders: Int, messages: Int, bytes: Int64) -> String {
            let rate = elapsed > 0 ? Double(messages) / elapsed : 0
            let throughput = elapsed > 0 ? Double(bytes) / 1_048_576 / elapsed : 0
            return "\(name): fetch only: \(folders) folders, \(messages) messages, \(bytes) bytes "
                + "(\(ProgressBar.megabytes(bytes))) in \(String(format: "%.1f", elapsed)) s: \(Int(rate)) messages/s, "
                + "\(String(format: "%.1f", throughput)) MB/s; nothing archived\n"
        }
        var out = report.accounts.map { line($0.account, folders: $0.folders, messages: $0.messages, bytes: $0.bytes) }
            .joined()
        if report.accounts.count > 1 {
            out += line("total", folders: report.folders, messages: report.messages, bytes: report.bytes)
        }
        return out
    }
}
