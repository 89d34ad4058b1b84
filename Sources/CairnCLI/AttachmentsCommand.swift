import Archive
import ArgumentParser

/// `cairn attachments ID --out DIR`: writes a message's attachments, decoded, under safe names.
struct AttachmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attachments",
        abstract: "Write a message's attachments, decoded, into a folder.",
        discussion: """
            Names are made safe: no path separators, no '..', no absolute paths, no control \
            characters; nothing is overwritten (a name already there gets a ' (2)' suffix).
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The message's id, or a unique prefix of at least 8 hex digits.")
    var id: String

    @Option(name: .long, help: "The folder to write into (created if missing).")
    var out: String

    func run() async throws {
        let archive = try ArchiveOpener.forReading(global)
        defer { try? archive.close() }
        let reference = try archive.resolve(id)
        let saved = try AttachmentSaver(store: archive.store).save(reference.key, into: out)
        if global.quiet { return }
        if saved.isEmpty {
            print("message \(reference.id.short) has no attachments")
            return
        }
        for file in saved {
            print("\(file.path)\t\(file.size) bytes\tpart \(file.partPath)")
        }
    }
}
