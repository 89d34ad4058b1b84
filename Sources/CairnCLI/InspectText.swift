import MailModel
import MIME

/// The readable summary of `cairn inspect`: identity, main fields, the part tree, warnings, text.
enum InspectText {
    static func render(_ message: DecodedMessage, id: MessageID) -> String {
        var out = ""
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out += label.padding(12) + value + "\n"
        }
        line("id:", id.hex)
        line("message-id:", message.messageID.map { "<\($0)>" })
        line("date:", message.date?.iso8601 ?? "(none)")
        line("from:", list(message.from))
        line("to:", list(message.to))
        line("cc:", list(message.cc))
        line("subject:", message.subject)
        line("size:", "\(message.size) bytes")

        out += "\nheaders:\n"
        for field in message.headers {
            out += "  \(field.name): \(field.value)\n"
        }

        out += "\nparts:\n"
        for part in message.parts {
            var description = "  " + String(repeating: "  ", count: max(0, part.path.components.count - 1))
            description += part.path.description.padding(8) + " " + part.contentType
            if let charset = part.charset { description += "; charset=\(charset)" }
            if let disposition = part.disposition { description += "  \(disposition)" }
            if let filename = part.filename { description += "  \"\(filename)\"" }
            description += "  \(part.size) bytes"
            if part.isAttachment { description += "  [attachment]" }
            out += description + "\n"
        }

        if !message.warnings.isEmpty {
            out += "\nwarnings:\n"
            for warning in message.warnings { out += "  \(warning)\n" }
        }

        for part in message.parts {
            guard let text = part.text, !text.isEmpty else { continue }
            out += "\n--- part \(part.path) (\(part.contentType)) ---\n"
            out += text
            if !text.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    private static func list(_ addresses: [Address]) -> String? {
        addresses.isEmpty ? nil : addresses.map(\.description).joined(separator: ", ")
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never cut).
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
