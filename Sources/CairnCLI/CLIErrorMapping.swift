import Archive

/// Maps errors of the engine's modules to the exit codes of CLI.md and a message for the user.
///
/// Errors of ArgumentParser itself (usage, `--help`, `--version`) are left to ArgumentParser.
enum CLIErrorMapping {
    /// The exit code for an error, or nil to let ArgumentParser handle it.
    static func exitCode(for error: any Error) -> Int32? {
        if let error = error as? any CairnReportableError { return error.exitCode }
        return nil
    }

    /// What the user reads.
    static func message(for error: any Error) -> String {
        String(describing: error)
    }
}

/// An error that knows its exit code of CLI.md.
protocol CairnReportableError: Error, CustomStringConvertible {
    /// The exit code.
    var exitCode: Int32 { get }
}

extension CairnConfig.Error: CairnReportableError {
    /// A broken configuration file is an error not otherwise listed.
    var exitCode: Int32 { 1 }
}

extension CredentialResolver.Error: CairnReportableError {
    /// A secret that cannot be read stops the connection before it starts: a server-side failure
    /// from the user's point of view (authentication).
    var exitCode: Int32 { 5 }
}
