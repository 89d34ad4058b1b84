import Archive
import Foundation

/// The summary `cairn import` prints: counts on standard output, each failure on standard error.
enum ImportReport {
    /// Most failures and unreadable messages listed before "and N more".
    static let listed = 50

    static func print(_ summary: IngestSummary, elapsed: Double, quiet: Bool, verbose: Bool) {
        if !quiet {
            FileHandleOutput.standardOutput.write(render(summary, elapsed: elapsed))
        }
        guard summary.failed > 0 || summary.unreadable > 0 else { return }
        var errors = ""
        let limit = verbose ? IngestSummary.listLimit : listed
        for failure in summary.failures.prefix(limit) {
            errors += "cairn: failed: \(failure.label): \(failure.reason)\n"
        }
        if summary.failed > min(limit, summary.failures.count) {
            errors += "cairn: ... and \(summary.failed - min(limit, summary.failures.count)) more failures\n"
        }
        for message in summary.unreadableMessages.prefix(limit) {
            errors += "cairn: not a mail message, archived as is: \(message.label) (id \(message.id.prefix(12)))\n"
        }
        if summary.unreadable > min(limit, summary.unreadableMessages.count) {
            errors += "cairn: ... and \(summary.unreadable - min(limit, summary.unreadableMessages.count)) more\n"
        }
        FileHandleOutput.standardError.write(errors)
    }

    static func render(_ summary: IngestSummary, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Double(summary.read) / elapsed : 0
        let megabytes = Double(summary.bytes) / 1_048_576
        var out = "read \(summary.read) messages (\(String(format: "%.1f", megabytes)) MB) in "
            + "\(String(format: "%.1f", elapsed)) s, \(Int(rate)) messages/s\n"
        func line(_ label: String, _ value: Int) {
            out += "  " + (label + ":").padding(20) + String(value) + "\n"
        }
        line("new", summary.new)
        line("already archived", summary.existing)
        line("failed", summary.failed)
        if summary.repaired > 0 { line("repaired", summary.repaired) }
        if summary.unreadable > 0 { line("not mail, kept as is", summary.unreadable) }
        return out
    }
}
