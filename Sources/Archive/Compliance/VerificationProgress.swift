/// How far `cairn verify` is in its current check.
public struct VerificationProgress: Hashable, Sendable {
    /// The check running.
    public var check: VerificationCheck
    /// Items done.
    public var done: Int
    /// Items in all, when known.
    public var total: Int?
    /// Bytes done.
    public var bytes: Int64

    /// Creates a progress report.
    public init(check: VerificationCheck, done: Int, total: Int?, bytes: Int64) {
        self.check = check
        self.done = done
        self.total = total
        self.bytes = bytes
    }
}
