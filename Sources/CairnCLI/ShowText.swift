import MailModel
import MailStore
import MIME

/// The readable form of `cairn show`: the main fields, where the message was seen, its parts, and
/// the text a reader reads.
enum ShowText {
    static func render(_ message: DecodedMessage, details: MessageDetails) -> String {
        let summary = details.summary
        var out = ""
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out += label.padding(12) + value + "\n"
        }
        func list(_ addresses: [Address]) -> String? {
            addresses.isEmpty ? nil : addresses.map(\.description).joined(separator: ", ")
        }
        line("id:", summary.id.hex)
        line("message-id:", message.messageID.map { "<\($0)>" })
        line("date:", message.date?.iso8601 ?? "(none)")
        line("from:", list(message.from))
        line("to:", list(message.to))
        line("cc:", list(message.cc))
        line("subject:", message.subject)
        line("folders:", summary.folders.map(\.description).joined(separator: ", "))
        line("flags:", summary.flags.sorted().map(\.name).joined(separator: " "))
        line("size:", "\(summary.size) bytes, archived \(summary.archivedAt.iso8601)")
        if summary.isExpunged { line("expunged:", "gone from every place it was seen (kept here)") }
        line("holds:", summary.holds.joined(separator: ", "))
        let others = message.parts.filter { $0.isAttachment }
        if !others.isEmpty {
            out += "attachments:\n"
            for part in others {
                out += "  " + part.path.description.padding(6) + part.contentType.padding(26)
                    + "\(part.size) bytes" + (part.filename.map { "  \"\($0)\"" } ?? "") + "\n"
            }
        }
        if !message.warnings.isEmpty || message.headers.isEmpty {
            out += "warnings:\n"
            if message.headers.isEmpty { out += "  message: no header fields (not a mail message; archived as is)\n" }
            for warning in message.warnings { out += "  \(warning)\n" }
        }
        let text = message.readableText
        if !text.isEmpty { out += "\n" + text }
        return out
    }
}
