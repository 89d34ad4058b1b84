import Archive
import Foundation
import MailStore

/// What `cairn verify` prints: a line per check and per problem, or one JSON object
/// (`Schemas/json/verify.schema.json`).
enum VerifyOutput {
    /// The readable report.
    static func text(_ report: VerificationReport, quiet: Bool) -> String {
        var out = ""
        if !quiet {
            for check in report.checks {
                let verdict = check.passed ? "ok" : "\(check.problems) problem\(check.problems == 1 ? "" : "s")"
                let name = check.check.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                out += "\(name) \(summary(of: check, in: report)): \(verdict) (\(seconds(check.seconds)))\n"
            }
        }
        for problem in report.problems { out += "PROBLEM  \(problem)\n" }
        if report.omittedProblems > 0 { out += "PROBLEM  ... and \(report.omittedProblems) more not listed\n" }
        if !quiet {
            for note in report.notes { out += "note     \(note)\n" }
            out += "head     \(report.head)\n"
        }
        let counts = report.counts
        let what = "\(counts.messages) messages, \(StatsOutput.size(counts.bytes)), \(counts.auditEntries) audit entries"
        if report.isIntact {
            if !quiet { out += "intact   \(what)\(report.quick ? " (quick: chain and counts only)" : "") in \(seconds(report.seconds))\n" }
        } else {
            let count = report.problems.count + report.omittedProblems
            out += "NOT INTACT: \(count) problem\(count == 1 ? "" : "s") (\(what))\n"
        }
        return out
    }

    /// What a check looked at, in words.
    private static func summary(of result: VerificationCheckResult, in report: VerificationReport) -> String {
        let counts = report.counts
        switch result.check {
        case .messages: return "\(result.checked) messages re-hashed (\(StatsOutput.size(counts.bytes)))"
        case .audit: return "\(result.checked) entries, every hash and link"
        case .anchor: return "extends \(report.anchor.map { "\($0.count):\($0.hash.hex.prefix(16))..." } ?? "-")"
        case .counts:
            return "\(counts.archivedEntries) archived - \(counts.purgedMessages) purged = \(counts.messages) stored"
                + (report.quick ? ", \(counts.indexDocuments) indexed" : "")
        case .coverage: return "every message and every message.archived entry"
        case .index: return "\(counts.indexDocuments) documents for \(counts.messages) messages"
        case .database: return "SQLite consistency checks"
        default: return "\(result.checked) checked"
        }
    }

    /// The JSON report.
    static func json(_ report: VerificationReport) -> JSONValue {
        let counts = report.counts
        return .object([
            ("intact", .bool(report.isIntact)),
            ("quick", .bool(report.quick)),
            ("head", anchor(report.head)),
            ("against", report.anchor.map(anchor) ?? .null),
            ("counts", .object([
                ("messages", .int(Int64(counts.messages))), ("bytes", .int(counts.bytes)),
                ("index_documents", .int(Int64(counts.indexDocuments))), ("audit_entries", .int(counts.auditEntries)),
                ("archived_entries", .int(Int64(counts.archivedEntries))),
                ("purged_messages", .int(Int64(counts.purgedMessages))),
                ("pending_index", .int(Int64(counts.pendingIndex))), ("pending_removals", .int(Int64(counts.pendingRemovals))),
                ("active_holds", .int(Int64(counts.activeHolds))),
            ])),
            ("checks", .array(report.checks.map { check in
                .object([
                    ("name", .string(check.check.rawValue)), ("passed", .bool(check.passed)),
                    ("checked", .int(Int64(check.checked))), ("problems", .int(Int64(check.problems))),
                    ("seconds", .double(rounded(check.seconds))),
                ])
            })),
            ("problems", .array(report.problems.map { problem in
                .object([
                    ("check", .string(problem.check.rawValue)), ("kind", .string(problem.kind)),
                    ("message", .optional(problem.message?.hex)),
                    ("audit_entry", problem.auditSequence.map(JSONValue.int) ?? .null),
                    ("index_document", problem.indexRow.map(JSONValue.int) ?? .null),
                    ("detail", .string(problem.detail)), ("description", .string(problem.description)),
                ])
            })),
            ("omitted_problems", .int(Int64(report.omittedProblems))),
            ("notes", .array(report.notes.map(JSONValue.string))),
            ("seconds", .double(rounded(report.seconds))),
        ])
    }

    /// `verify --anchor --format json`: the head, and whether the chain (and counts) verified.
    static func anchorJSON(_ report: VerificationReport) -> JSONValue {
        .object([("intact", .bool(report.isIntact)), ("head", anchor(report.head))])
    }

    private static func anchor(_ anchor: AuditAnchor) -> JSONValue {
        .object([("count", .int(anchor.count)), ("sha256", .string(anchor.hash.hex)), ("anchor", .string(anchor.description))])
    }

    private static func rounded(_ seconds: Double) -> Double {
        (seconds * 1000).rounded() / 1000
    }

    private static func seconds(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f s", value) : String(format: "%.1f s", value)
    }
}
