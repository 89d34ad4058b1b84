/// A command-line failure that carries its exit code and a message for the user.
struct CLIError: CairnReportableError {
    /// What the user reads.
    var description: String
    /// The exit code of CLI.md.
    var exitCode: Int32

    /// A command that does not exist yet.
    static func notBuiltYet(_ name: String) -> CLIError {
        CLIError(description: "cairn \(name) is not built yet", exitCode: 1)
    }
}
