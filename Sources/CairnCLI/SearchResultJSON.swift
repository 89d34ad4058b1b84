import Archive
import MailModel
import MailStore

/// The JSON of one search result (CLI.md, `Schemas/json/search-result.schema.json`) and of one
/// thread (`--threads`, `Schemas/json/search-thread.schema.json`).
enum SearchResultJSON {
    /// A result, archived or found on a server.
    static func render(_ result: SearchResult, snippet: String?) -> JSONValue {
        switch result {
        case .local(let summary): return render(summary, snippet: snippet)
        case .server(let hit): return render(hit)
        }
    }

    /// An archived message.
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

    /// A message found on a server: its place there, what its ENVELOPE, FLAGS and RFC822.SIZE say,
    /// and its id when it is archived too (else null). The server does not say what the thread,
    /// attachments and text are: those are null.
    static func render(_ hit: RemoteHit) -> JSONValue {
        .object([
            ("id", .optional(hit.archived?.id.hex)),
            ("message_id", .optional(hit.messageID.map { "<\($0)>" })),
            ("thread_id", .null),
            ("date", .optional(hit.date?.iso8601)),
            ("from", InspectJSON.addresses(hit.from)),
            ("to", InspectJSON.addresses(hit.to)),
            ("cc", InspectJSON.addresses(hit.cc)),
            ("subject", .optional(hit.subject)),
            ("size", hit.size.map { .int(Int64($0)) } ?? .null),
            ("folders", .array([.string(hit.location)])),
            ("flags", .array(hit.flags.map { .string($0.name) })),
            ("attachments", .null),
            ("snippet", .null),
            ("source", .string("server")),
            ("account", .string(hit.account)),
            ("folder", .string(hit.folder.path)),
            ("uid", .int(Int64(hit.uid.rawValue))),
            ("uidvalidity", .int(Int64(hit.uidValidity.rawValue))),
            ("internal_date", .optional(hit.internalDate?.iso8601)),
        ])
    }

    /// A thread: its id, its number of messages and of matches, and its newest match.
    static func render(_ thread: ThreadResult, newest: MessageSummary, snippet: String?) -> JSONValue {
        .object([
            ("thread_id", .string(thread.threadID)),
            ("messages", .int(Int64(thread.total))),
            ("matched", .int(Int64(thread.matched))),
            ("date", .optional(newest.date?.iso8601)),
            ("subject", .optional(newest.subject)),
            ("newest", render(newest, snippet: snippet)),
            ("source", .string("local")),
        ])
    }
}
