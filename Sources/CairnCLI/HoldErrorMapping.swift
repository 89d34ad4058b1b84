import Archive
import MailStore

// The exit codes of CLI.md for the errors of legal holds, retention and purge.

extension HoldExistsError: CairnReportableError {
    /// Placing a hold under a name in use is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension HoldNotFoundError: CairnReportableError {
    /// Releasing a hold that is not there is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension HoldNameError: CairnReportableError {
    /// A name `hold:NAME` cannot find is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension HoldQueryError: CairnReportableError {
    /// A stored query that no longer parses stops purges: 1.
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}

extension MessageUnderHoldError: CairnReportableError {
    /// A purge refused by a hold: 1 (nothing was purged).
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}

extension RetentionScopeError: CairnReportableError {
    /// An empty account name or folder pattern is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension ArchiveFolderModeError: CairnReportableError {
    /// The archive's files cannot be made private: 1.
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}
