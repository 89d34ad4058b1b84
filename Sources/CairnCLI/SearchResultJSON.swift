import MailModel
import MailStore

/// The JSON of one search result (CLI.md, `Schemas/json/search-result.schema.json`).
enum SearchResultJSON {
    static func render(_ message: MessageSummary, snippet: String?) -> JSONValue {
        .object([
            ("id", .string(message.id.hex)),
            ("message_id", .optional(message.messageID.map { "<\($0)>" })),
            ("thread_id", .string(message.thread.description)),
            ("date", .optional(message.date?.iso8601)),
            ("from", InspectJSON.addresses(message.from)),
            ("to", InspectJSON.addresses(message.to)),
            ("cc", InspectJSON.addresses(message.cc)),
            ("subject", .optional(message.subject)),
            ("size", .int(Int64(message.size))),
            ("folders", .array(message.folders.map { .string($0.description) })),
            ("flags", .array(message.flags.sorted().map { .string($0.name) })),
            ("attachments", .array(message.attachments.map { attachment in
                .object([
                    ("filename", .optional(attachment.filename)),
                    ("content_type", .string(attachment.contentType)),
                    ("size", .int(Int64(attachment.size))),
                ])
            })),
            ("snippet", .optional(snippet)),
            ("source", .string("local")),
        ])
    }
}
