import ArgumentParser

/// The documented exit codes of CLI.md.
public enum CairnExitCode {
    /// Success; a search with no results is a success.
    public static let success = ExitCode(0)
    /// An error not listed below.
    public static let failure = ExitCode(1)
    /// Bad usage or a bad query.
    public static let usage = ExitCode(2)
    /// Partly done: some inputs or messages failed, the rest was done.
    public static let partial = ExitCode(3)
    /// `verify` found an integrity problem.
    public static let integrity = ExitCode(4)
    /// The server: cannot connect, TLS, authentication, or a protocol error.
    public static let server = ExitCode(5)
    /// The archive is locked by another writer.
    public static let locked = ExitCode(6)
}
