import Archive
import ArgumentParser
import Foundation
import MIME
import MailQuery

/// `cairn export [QUERY...] (--mbox FILE | --maildir DIR | --eml DIR) [--manifest FILE]`.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write archived messages out as an mbox, a Maildir tree or .eml files.",
        discussion: """
            Exports the messages matching the query (all of them without one), oldest first, byte for \
            byte as archived. --manifest writes JSON with every message's and every file's SHA-256 \
            (Schemas/json/export-manifest.schema.json) so a recipient can check the export without \
            Cairn; each export is recorded in the audit trail. Nothing is ever overwritten.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Write one mbox file.")
    var mbox: String?

    @Option(name: .customLong("mbox-variant"), help: "mboxrd (default, reversible) or mboxo.")
    var mboxVariant: MboxVariantOption = .mboxrd

    @Option(name: .long, help: "Write a Maildir++ tree: a folder for each place the messages were seen.")
    var maildir: String?

    @Option(name: .long, help: "Write one .eml file per message into a folder.")
    var eml: String?

    @Option(name: .long, help: "Also write a JSON manifest of what was exported.")
    var manifest: String?

    @Argument(parsing: .allUnrecognized, help: "The query (as for search).")
    var query: [String] = []

    func validate() throws {
        let targets = [mbox, maildir, eml].compactMap { $0 }
        guard targets.count == 1 else { throw ValidationError("give exactly one of --mbox, --maildir, --eml") }
    }

    func run() async throws {
        let parsed = try QueryInput.parse(query, home: global.resolvedHome)
        let target: ExportTarget
        if let mbox { target = .mbox(path: mbox, variant: mboxVariant.variant) }
        else if let maildir { target = .maildir(path: maildir) }
        else { target = .eml(path: eml ?? "") }
        let archive = try ArchiveOpener.forWriting(global)
        defer { try? archive.close() }
        let keys = try archive.makeSearcher().keys(parsed, order: .oldest)
        let bar = ProgressBar(label: "exporting", total: keys.count, mode: global.quiet ? .never : global.progress)
        let report = try Exporter(store: archive.store, generator: "cairn \(CairnVersion.current)")
            .export(keys, query: parsed.text.isEmpty ? "*" : parsed.text, to: target, manifestPath: manifest) { done, bytes in
                bar.update(done: done, bytes: bytes)
            }
        bar.finish()
        if !global.quiet {
            var line = "exported \(report.count) messages (\(ProgressBar.megabytes(report.bytes))) to \(target.path)"
            if let manifest { line += "; manifest \(manifest) (sha256 \(report.manifestSHA256.hex.prefix(16))...)" }
            print(line)
        }
    }
}

/// The `--mbox-variant` values.
enum MboxVariantOption: String, ExpressibleByArgument, CaseIterable {
    case mboxrd, mboxo

    var variant: MboxVariant { self == .mboxo ? .mboxo : .mboxrd }
}

extension ExportError: CairnReportableError {
    /// An export that cannot be written is an error not otherwise listed.
    var exitCode: Int32 { 1 }
}
