/// Another process holds the archive's writer lock and did not release it in time (the CLI maps this
/// to exit code 6).
public struct ArchiveLockedError: Error, Sendable, CustomStringConvertible {
    /// How long this process waited.
    public var waited: Duration
    /// The process id the holder wrote into the lock file, if it could be read.
    public var holderPID: Int32?

    /// Creates the error.
    public init(waited: Duration, holderPID: Int32?) {
        self.waited = waited
        self.holderPID = holderPID
    }

    /// Says who holds the lock and how long this process waited.
    public var description: String {
        let holder = holderPID.map { "another writer (process \($0))" } ?? "another writer"
        let seconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
        let waitedText = seconds < 10 ? String(Double(Int(seconds * 10)) / 10) : String(Int(seconds))
        return "the archive is locked by \(holder); gave up after waiting \(waitedText) s"
    }
}
