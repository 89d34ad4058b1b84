/// How one check of `cairn verify` went.
public struct VerificationCheckResult: Hashable, Sendable {
    /// The check.
    public var check: VerificationCheck
    /// Things it checked (messages, entries, documents).
    public var checked: Int
    /// Problems it found (including any not listed).
    public var problems: Int
    /// How long it took, in seconds.
    public var seconds: Double

    /// Creates a result.
    public init(check: VerificationCheck, checked: Int, problems: Int, seconds: Double) {
        self.check = check
        self.checked = checked
        self.problems = problems
        self.seconds = seconds
    }

    /// Whether it found nothing wrong.
    public var passed: Bool { problems == 0 }
}
