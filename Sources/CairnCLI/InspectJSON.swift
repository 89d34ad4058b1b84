import MailModel
import MIME

/// The JSON of `cairn inspect --format json` (CLI.md, `Schemas/json/inspect.schema.json`).
enum InspectJSON {
    static func render(_ message: DecodedMessage, id: MessageID) -> JSONValue {
        .object([
            ("id", .string(id.hex)),
            ("message_id", .optional(message.messageID.map { "<\($0)>" })),
            ("date", .optional(message.date?.iso8601)),
            ("from", addresses(message.from)),
            ("to", addresses(message.to)),
            ("cc", addresses(message.cc)),
            ("subject", .optional(message.subject)),
            ("headers", .array(message.headers.map { .array([.string($0.name), .string($0.value)]) })),
            ("parts", .array(message.parts.map(part))),
            ("warnings", .array(message.warnings.map { .string($0.description) })),
        ])
    }

    static func addresses(_ list: [Address]) -> JSONValue {
        .array(list.map { .object([("name", .optional($0.name)), ("address", .string($0.address))]) })
    }

    static func part(_ part: DecodedPart) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(part.path.description)),
            ("content_type", .string(part.contentType)),
            ("charset", .optional(part.charset)),
            ("disposition", .optional(part.disposition)),
            ("filename", .optional(part.filename)),
            ("size", .int(Int64(part.size))),
            ("sha256", .optional(part.sha256?.hex)),
        ]
        if let text = part.text { members.append(("text", .string(text))) }
        return .object(members)
    }
}
