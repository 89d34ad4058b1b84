import Archive
import MailIndex
import MailStore

// The exit codes of CLI.md for the errors of the archive's modules.

extension ArchiveLockedError: CairnReportableError {
    /// Another writer holds the archive: 6.
    var exitCode: Int32 { CairnExitCode.locked.rawValue }
}

extension IndexError: CairnReportableError {
    /// Another writer holds the index: 6; anything else: 1.
    var exitCode: Int32 { code == .locked ? CairnExitCode.locked.rawValue : CairnExitCode.failure.rawValue }
}

extension ArchiveNotFoundError: CairnReportableError {
    /// No archive yet: an error not otherwise listed.
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}

extension MessageNotFoundError: CairnReportableError {
    /// An id that names no message is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension AmbiguousMessageIDError: CairnReportableError {
    /// An id prefix that names several messages is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension InvalidMessageIDError: CairnReportableError {
    /// Text that is no id is bad usage: 2.
    var exitCode: Int32 { CairnExitCode.usage.rawValue }
}

extension SchemaVersionError: CairnReportableError {
    /// An archive of another Cairn version: 1.
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}

extension CorruptMessageError: CairnReportableError {
    /// Stored bytes that cannot be read back are an integrity problem: 4.
    var exitCode: Int32 { CairnExitCode.integrity.rawValue }
}

extension IngestStoppedError: CairnReportableError {
    /// A pipeline stopped early: 1.
    var exitCode: Int32 { CairnExitCode.failure.rawValue }
}
