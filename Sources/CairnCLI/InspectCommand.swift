import ArgumentParser
import MailModel
import MIME

/// `cairn inspect FILE|-`: decodes one message file without touching the archive.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Decode one message file (or - for standard input); the archive is not touched.",
        discussion: """
            Prints the message's header fields, its parts numbered as IMAP numbers them, the decoded \
            text of text parts, the size and SHA-256 of each part's decoded content, and the defects \
            that were repaired.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The message file, or - to read standard input.")
    var file: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: InspectFormat = .text

    func run() async throws {
        let input = try InspectInput.open(file)
        defer { input.close() }
        var decoder = MessageDecoder()
        var hasher = MessageHasher()
        try input.readChunks { chunk in
            chunk.withUnsafeReadableBytes { hasher.update($0) }
            decoder.feed(chunk)
        }
        let message = decoder.finish()
        let id = hasher.finalize().id
        switch format {
        case .json:
            FileHandleOutput.standardOutput.write(InspectJSON.render(message, id: id).pretty + "\n")
        case .text:
            FileHandleOutput.standardOutput.write(InspectText.render(message, id: id))
        }
    }
}

/// The output formats of `cairn inspect`.
enum InspectFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A readable summary.
    case text
    /// The JSON object of CLI.md (`Schemas/json/inspect.schema.json`).
    case json
}
