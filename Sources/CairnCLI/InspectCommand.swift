import ArgumentParser
import MailModel
import MIME

/// `cairn inspect FILE...|-`: decodes message files without touching the archive.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Decode message files (or - for standard input); the archive is not touched.",
        discussion: """
            Prints the message's header fields, its parts numbered as IMAP numbers them, the decoded \
            text of text parts, the size and SHA-256 of each part's decoded content, and the defects \
            that were repaired. With several files: text output heads each with `==> FILE <==`, JSON \
            output is one object per line in the order given; a file that cannot be read is named on \
            standard error, the others are decoded, and the exit status is 3.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Message files, or - to read standard input.")
    var files: [String]

    @Option(name: .long, help: "Output format: text or json.")
    var format: InspectFormat = .text

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a message file to inspect, or - for standard input") }
        guard files.count == 1 || !files.contains("-") else { throw ValidationError("- (standard input) cannot be mixed with files") }
    }

    func run() async throws {
        var failed = 0
        for (index, file) in files.enumerated() {
            do {
                let (message, id) = try Self.decode(file)
                switch (format, files.count) {
                case (.json, 1):
                    FileHandleOutput.standardOutput.write(InspectJSON.render(message, id: id).pretty + "\n")
                case (.json, _):
                    FileHandleOutput.standardOutput.write(InspectJSON.render(message, id: id).compact + "\n")
                case (.text, 1):
                    FileHandleOutput.standardOutput.write(InspectText.render(message, id: id))
                case (.text, _):
                    let heading = (index == 0 ? "" : "\n") + "==> \(file) <==\n"
                    FileHandleOutput.standardOutput.write(heading + InspectText.render(message, id: id))
                }
            } catch let error as CLIError where files.count > 1 {
                FileHandleOutput.standardError.write("cairn: \(error.description)\n")
                failed += 1
            }
        }
        if failed > 0 { throw CairnExitCode.partial }
    }

    /// Decodes one file (or standard input), streaming it, and hashes it into its message id.
    static func decode(_ file: String) throws -> (DecodedMessage, MessageID) {
        let input = try InspectInput.open(file)
        defer { input.close() }
        var decoder = MessageDecoder()
        var hasher = MessageHasher()
        try input.readChunks { chunk in
            chunk.withUnsafeReadableBytes { hasher.update($0) }
            decoder.feed(chunk)
        }
        return (decoder.finish(), hasher.finalize().id)
    }
}

/// The output formats of `cairn inspect`.
enum InspectFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A readable summary.
    case text
    /// The JSON object of CLI.md (`Schemas/json/inspect.schema.json`).
    case json
}
