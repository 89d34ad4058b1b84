import Archive
import MailStore

/// What `cairn purge` prints: each message and why it goes, then a summary; or one JSON object
/// (`Schemas/json/purge.schema.json`).
enum PurgeOutput {
    /// The readable listing.
    static func text(_ plan: PurgePlan, report: PurgeReport?, quiet: Bool) -> String {
        var out = ""
        if plan.rules.isEmpty {
            return quiet ? "" : "no retention rules: nothing is past retention (`cairn retention set` makes one)\n"
        }
        if !quiet {
            for candidate in plan.candidates {
                let days = candidate.ageInDays(at: plan.at)
                out += "\(candidate.message.id.short)  \(candidate.ageBasis.iso8601.prefix(10)) (\(candidate.basis.rawValue))"
                    + "  \(days) days old  past \(candidate.rule.scope): keep \(candidate.rule.keep)"
                    + "  \(StatsOutput.size(Int64(candidate.size)))  \(candidate.subject ?? "")\n"
            }
        }
        let count = report?.removed.count ?? plan.candidates.count
        let bytes = StatsOutput.size(report?.bytes ?? plan.bytes)
        if let report {
            let entries = report.auditSequences.isEmpty ? ""
                : "; audit entr\(report.auditSequences.count == 1 ? "y" : "ies") "
                    + report.auditSequences.map(String.init).joined(separator: ", ")
            out += "purged \(count) message\(count == 1 ? "" : "s") (\(bytes))\(entries)\n"
        } else {
            out += "would purge \(count) message\(count == 1 ? "" : "s") (\(bytes))"
                + (count > 0 ? "; `cairn purge --yes` deletes them\n" : "\n")
        }
        if plan.keptHeld > 0 {
            let holds = plan.keptByHold.keys.sorted().map { "\($0): \(plan.keptByHold[$0]!)" }.joined(separator: ", ")
            out += "kept under legal holds: \(plan.keptHeld) past retention (\(holds))\n"
        }
        if plan.keptUnindexed > 0 {
            out += "kept: \(plan.keptUnindexed) past retention that the index cannot take yet, so holds cannot be "
                + "checked against them\n"
        }
        return out
    }

    /// The JSON object.
    static func json(_ plan: PurgePlan, report: PurgeReport?) -> JSONValue {
        .object([
            ("dry_run", .bool(report == nil)),
            ("at", .string(plan.at.iso8601)),
            ("rules", .array(plan.rules.map(RetentionListCommand.json))),
            ("messages", .array(plan.candidates.map { candidate in
                .object([
                    ("id", .string(candidate.message.id.hex)), ("size", .int(Int64(candidate.size))),
                    ("subject", .optional(candidate.subject)), ("age_basis", .string(candidate.ageBasis.iso8601)),
                    ("basis", .string(candidate.basis.rawValue)), ("age_days", .int(candidate.ageInDays(at: plan.at))),
                    ("rule", RetentionListCommand.json(candidate.rule)),
                ])
            })),
            ("count", .int(Int64(report?.removed.count ?? plan.candidates.count))),
            ("bytes", .int(report?.bytes ?? plan.bytes)),
            ("kept_held", .int(Int64(plan.keptHeld))),
            ("kept_by_hold", .object(plan.keptByHold.keys.sorted().map { ($0, .int(Int64(plan.keptByHold[$0]!))) })),
            ("kept_unindexed", .int(Int64(plan.keptUnindexed))),
            ("audit_entries", .array((report?.auditSequences ?? []).map(JSONValue.int))),
        ])
    }
}
