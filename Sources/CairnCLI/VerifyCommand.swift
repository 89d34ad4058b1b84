import Archive
import ArgumentParser
import MailStore

/// `cairn verify [--quick] [--anchor | --against HEAD] [--format text|json]`.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove the archive complete and unaltered; exit 4, naming each problem, if it is not.",
        discussion: """
            Re-hashes every stored message against its recorded SHA-256 and its id, walks the audit \
            chain, checks that the index holds exactly one document per message under its own id and \
            nothing else, that every message has its message.archived audit entry, and that every \
            archived message is still there unless a purge removed it. --quick checks the chain and \
            the counts only. --anchor prints the chain's head (COUNT:SHA256) to keep elsewhere or to \
            timestamp; --against HEAD later proves the archive still extends it. Never blocks a writer.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Check the audit chain and the counts only.")
    var quick = false

    @Flag(name: .long, help: "Check the audit chain and print its head, COUNT:SHA256.")
    var anchor = false

    @Option(name: .long, help: ArgumentHelp("Prove the archive still extends a head printed earlier.", valueName: "HEAD"))
    var against: String?

    @Option(name: .long, help: "text (default) or json.")
    var format: ShowFormat = .text

    func validate() throws {
        if anchor && against != nil { throw ValidationError("give --anchor or --against, not both") }
        if let against, AuditAnchor(against) == nil {
            throw ValidationError("--against takes a head as --anchor prints it: COUNT:SHA256 (64 hex digits)")
        }
    }

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global, parallel: true)
        defer { try? archive.close() }
        var options = ArchiveVerifier.Options()
        options.quick = quick || anchor
        options.anchor = against.flatMap(AuditAnchor.init)
        let bar = VerifyProgressBars(mode: global.quiet ? .never : global.progress)
        let report = try ArchiveVerifier(archive: archive, options: options).run { bar.update($0) }
        bar.finish()
        let out = BufferedOutput.standardOutput()
        if anchor {
            out.write(format == .json ? VerifyOutput.anchorJSON(report).pretty + "\n" : "\(report.head)\n")
            if format == .text && !report.isIntact {
                FileHandleOutput.standardError.write(VerifyOutput.text(report, quiet: true))
            }
        } else {
            out.write(format == .json ? VerifyOutput.json(report).pretty + "\n" : VerifyOutput.text(report, quiet: global.quiet))
        }
        out.flush()
        if !report.isIntact {
            let count = report.problems.count + report.omittedProblems
            throw CLIError(description: "\(count) integrity problem\(count == 1 ? "" : "s") found",
                           exitCode: CairnExitCode.integrity.rawValue)
        }
    }
}
