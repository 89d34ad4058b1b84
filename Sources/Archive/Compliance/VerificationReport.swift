import MailStore

/// The outcome of `cairn verify`: what was counted and checked, and every problem found.
public struct VerificationReport: Hashable, Sendable {
    /// Whether only the chain and the counts were checked (`--quick`).
    public var quick: Bool
    /// What was counted.
    public var counts: VerificationCounts
    /// The audit chain's head as stored (to keep as an anchor).
    public var head: AuditAnchor
    /// The anchor the chain was proven to extend (`--against`), if one was given.
    public var anchor: AuditAnchor?
    /// The checks run, in order.
    public var checks: [VerificationCheckResult]
    /// The problems found (at most `ArchiveVerifier.Options.problemLimit` per check).
    public var problems: [VerificationProblem]
    /// Problems found beyond those listed.
    public var omittedProblems: Int
    /// Things worth knowing that are not integrity problems (a writer has index work pending, a file
    /// is not private).
    public var notes: [String]
    /// How long verification took, in seconds.
    public var seconds: Double

    /// Creates a report.
    public init(quick: Bool, counts: VerificationCounts, head: AuditAnchor, anchor: AuditAnchor?,
                checks: [VerificationCheckResult], problems: [VerificationProblem], omittedProblems: Int,
                notes: [String], seconds: Double) {
        self.quick = quick
        self.counts = counts
        self.head = head
        self.anchor = anchor
        self.checks = checks
        self.problems = problems
        self.omittedProblems = omittedProblems
        self.notes = notes
        self.seconds = seconds
    }

    /// Whether the archive verified: no check found a problem.
    public var isIntact: Bool { problems.isEmpty && omittedProblems == 0 }
}
