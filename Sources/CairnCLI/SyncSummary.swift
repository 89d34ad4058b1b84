import Archive
import Foundation
import MailModel

/// The summary `cairn sync` prints at the end: per account a line of totals and a table of the
/// folders where something happened (new, flag changes, expunged on the server, errors) on standard
/// output; each failure on standard error.
enum SyncSummary {
    /// Prints the summary of a report (`elapsed` nil leaves the time out).
    static func print(_ report: SyncReport, elapsed: Double?, quiet: Bool, verbose: Bool) {
        if !quiet { FileHandleOutput.standardOutput.write(render(report, elapsed: elapsed, verbose: verbose)) }
        let errors = errorLines(report)
        if !errors.isEmpty { FileHandleOutput.standardError.write(errors) }
    }

    /// The text of the summary.
    static func render(_ report: SyncReport, elapsed: Double?, verbose: Bool) -> String {
        var out = ""
        for account in report.accounts {
            let totals = account.totals
            let synced = account.folders.filter { !$0.unchanged && !$0.gone }.count
            let unchanged = account.folders.filter(\.unchanged).count
            var line = "\(account.account): \(account.folders.count) folders (\(synced) synced, \(unchanged) unchanged)"
            line += ", \(totals.new) new (\(ProgressBar.megabytes(totals.bytes)) fetched)"
            if totals.existing > 0 { line += ", \(totals.existing) already archived" }
            line += ", \(totals.flagChanges) flag changes, \(totals.expunged) expunged on the server"
            let errors = account.failedFolders.count + (account.error != nil && account.folders.isEmpty ? 1 : 0)
            line += ", \(errors) errors"
            out += line + "\n"
            let shown = account.folders.filter { verbose || $0.hasNews }
            guard !shown.isEmpty else { continue }
            let width = max(12, shown.map { $0.folder.path.displayWidth }.max() ?? 0) + 2
            out += "  " + "folder".padding(width) + "new".leftPadded(8) + "flags".leftPadded(8) + "expunged".leftPadded(10)
                + "  notes\n"
            for folder in shown {
                out += "  " + folder.folder.path.padding(width - folder.folder.path.displayWidth + folder.folder.path.count)
                    + String(folder.new).leftPadded(8) + String(folder.flagChanges).leftPadded(8)
                    + String(folder.expunged).leftPadded(10) + "  " + notes(folder) + "\n"
            }
        }
        if let elapsed {
            let fetched = report.accounts.reduce(0) { $0 + $1.totals.new + $1.totals.existing }
            let rate = elapsed > 0 ? Double(fetched) / elapsed : 0
            out += String(format: "done in %.1f s (%d messages/s)\n", elapsed, Int(rate))
        }
        if report.interrupted { out += "interrupted: what was fetched is archived; run cairn sync again to go on\n" }
        return out
    }

    /// What else happened to a folder, in words.
    static func notes(_ folder: FolderSyncReport) -> String {
        var notes: [String] = []
        if let use = folder.specialUse { notes.append(use) }
        if folder.unchanged { notes.append("unchanged") }
        if folder.existing > 0 { notes.append("\(folder.existing) already archived") }
        if folder.uidValidityChanged { notes.append("UIDVALIDITY changed, \(folder.reassociated) re-found without fetching") }
        if folder.gone { notes.append("gone from the server (archived mail kept)") }
        if folder.failed > 0 { notes.append("\(folder.failed) messages failed (tried again next time)") }
        if folder.error != nil { notes.append("error") }
        return notes.joined(separator: ", ")
    }

    /// One line per failure, for standard error.
    static func errorLines(_ report: SyncReport) -> String {
        var out = ""
        for account in report.accounts {
            var printed = Set<String>()
            if let error = account.error {
                out += "cairn: \(error.message)\n"
                printed.insert(error.message)
            }
            for folder in account.folders {
                guard let error = folder.error, !printed.contains(error.message) || error.kind == .folder else { continue }
                out += "cairn: \(account.account)/\(folder.folder.path): \(error.message)\n"
            }
        }
        return out
    }

    /// Watch mode: one line per folder where something happened in a round.
    static func changeLines(_ report: SyncReport, time: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let stamp = formatter.string(from: time)
        var out = ""
        for account in report.accounts {
            for folder in account.folders where folder.hasNews {
                var parts: [String] = []
                if folder.new > 0 { parts.append("\(folder.new) new") }
                if folder.existing > 0 { parts.append("\(folder.existing) already archived") }
                if folder.flagChanges > 0 { parts.append("\(folder.flagChanges) flag changes") }
                if folder.expunged > 0 { parts.append("\(folder.expunged) expunged on the server") }
                let notes = notes(folder)
                if !notes.isEmpty && folder.uidValidityChanged || folder.gone || folder.error != nil { parts.append(notes) }
                out += "\(stamp) \(account.account)/\(folder.folder.path): \(parts.joined(separator: ", "))\n"
            }
            if let error = account.error { out += "\(stamp) \(account.account): \(error.message)\n" }
        }
        return out
    }
}

extension String {
    /// The string right-aligned in `width` characters (never cut).
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
