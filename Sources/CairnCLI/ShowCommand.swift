import Archive
import ArgumentParser
import MIME

/// `cairn show ID`: one archived message, readable, raw, or in parts.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an archived message: its fields and text, or its raw bytes, headers, one part, or JSON.",
        discussion: "ID is a message's full id or a unique prefix of at least 8 hex digits (as search prints them)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The message's id, or a unique prefix of at least 8 hex digits.")
    var id: String

    @Flag(name: .long, help: "Print the message's bytes exactly as archived.")
    var raw = false

    @Flag(name: .long, help: "Print the header section exactly as archived.")
    var headers = false

    @Flag(name: .long, help: "Print the decoded text a reader reads (plain text preferred over HTML).")
    var text = false

    @Option(name: .long, help: "Print the decoded content of one part (IMAP section number, e.g. 2 or 1.2).")
    var part: String?

    @Option(name: .long, help: "text (default) or json.")
    var format: ShowFormat = .text

    func validate() throws {
        let chosen = [raw, headers, text, part != nil, format == .json].filter { $0 }.count
        guard chosen <= 1 else { throw ValidationError("choose one of --raw, --headers, --text, --part, --format json") }
        if let part, PartPath(part) == nil || PartPath(part)?.isRoot == true {
            throw ValidationError("--part wants an IMAP section number such as 1, 2 or 1.2, not \"\(part)\"")
        }
    }

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let ref = try archive.resolve(id)
        let out = BufferedOutput.standardOutput()
        defer { out.flush() }
        if raw {
            try archive.withRawBytes(of: ref.key) { out.write($0) }
        } else if headers {
            try archive.withHeaderBytes(of: ref.key) { out.write($0) }
        } else if text {
            out.write(try archive.decode(ref.key).readableText)
        } else if let part, let path = PartPath(part) {
            let found = try archive.extractPart(of: ref.key, path: path, begin: { _ in }) { bytes in
                bytes.withUnsafeReadableBytes { out.write($0) }
            }
            if !found {
                throw CLIError(description: "message \(ref.id.short) has no part \(part) (`cairn show \(ref.id.short)` lists its parts)",
                               exitCode: CairnExitCode.usage.rawValue)
            }
        } else {
            let decoded = try archive.decode(ref.key)
            let details = try archive.details(of: ref.key)
            switch format {
            case .json: out.write(ShowJSON.render(decoded, details: details).pretty + "\n")
            case .text: out.write(ShowText.render(decoded, details: details))
            }
        }
    }
}

/// The formats of `cairn show`.
enum ShowFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}
