import MailModel
import NIOCore

extension Command {
    /// Encodes the command with a tag, as chunks split at synchronizing literals.
    ///
    /// ```
    /// Command.select(.inbox, .condStore).encoded(tag: "A1", options: .init())
    /// // "A1 SELECT INBOX (CONDSTORE)\r\n"
    /// ```
    public func encoded(tag: String, options: CommandEncodingOptions) -> EncodedCommand {
        var writer = CommandWriter(options: options)
        writer.raw(tag)
        writer.space()
        write(to: &writer, options: options)
        return EncodedCommand(tag: tag, chunks: writer.finish(), redactedDescription: "\(tag) \(redactedDescription)")
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private func write(to writer: inout CommandWriter, options: CommandEncodingOptions) {
        switch self {
        case .capability: writer.raw("CAPABILITY")
        case .noop: writer.raw("NOOP")
        case .logout: writer.raw("LOGOUT")
        case .startTLS: writer.raw("STARTTLS")
        case .namespace: writer.raw("NAMESPACE")
        case .compressDeflate: writer.raw("COMPRESS DEFLATE")
        case .unselect: writer.raw("UNSELECT")
        case .close: writer.raw("CLOSE")
        case .check: writer.raw("CHECK")
        case .expunge: writer.raw("EXPUNGE")
        case .idle: writer.raw("IDLE")
        case .login(let username, let password):
            writer.raw("LOGIN ")
            writer.astring(Array(username.utf8))
            writer.space()
            writer.astring(Array(password.utf8))
        case .authenticate(let mechanism, let initialResponse):
            writer.raw("AUTHENTICATE ")
            writer.raw(mechanism)
            if let initialResponse {
                writer.space()
                writer.raw(initialResponse.isEmpty ? "=" : Base64.encode(initialResponse))
            }
        case .enable(let capabilities):
            writer.raw("ENABLE")
            for capability in capabilities { writer.raw(" " + capability.name) }
        case .id(let parameters):
            writer.raw("ID ")
            guard let parameters, !parameters.isEmpty else {
                writer.raw("NIL")
                return
            }
            writer.raw("(")
            for (index, parameter) in parameters.enumerated() {
                if index > 0 { writer.space() }
                writer.string(Array(parameter.key.utf8))
                writer.space()
                if let value = parameter.value { writer.string(Array(value.utf8)) } else { writer.raw("NIL") }
            }
            writer.raw(")")
        case .select(let mailbox, let parameters), .examine(let mailbox, let parameters):
            if case .select = self { writer.raw("SELECT ") } else { writer.raw("EXAMINE ") }
            writer.mailbox(mailbox)
            if let parameters { Command.writeSelectParameters(parameters, to: &writer) }
        case .create(let mailbox):
            writer.raw("CREATE ")
            writer.mailbox(mailbox)
        case .delete(let mailbox):
            writer.raw("DELETE ")
            writer.mailbox(mailbox)
        case .subscribe(let mailbox):
            writer.raw("SUBSCRIBE ")
            writer.mailbox(mailbox)
        case .rename(let from, let to):
            writer.raw("RENAME ")
            writer.mailbox(from)
            writer.space()
            writer.mailbox(to)
        case .list(let reference, let pattern, let returnOptions):
            writer.raw("LIST ")
            writer.mailbox(reference)
            writer.space()
            writer.listPattern(pattern.bytes)
            if !returnOptions.isEmpty {
                writer.raw(" RETURN (" + returnOptions.map(\.wireText).joined(separator: " ") + ")")
            }
        case .lsub(let reference, let pattern):
            writer.raw("LSUB ")
            writer.mailbox(reference)
            writer.space()
            writer.listPattern(pattern.bytes)
        case .status(let mailbox, let items):
            writer.raw("STATUS ")
            writer.mailbox(mailbox)
            writer.raw(" (" + items.map(\.rawValue).joined(separator: " ") + ")")
        case .append(let mailbox, let flags, let internalDate, var message):
            writer.raw("APPEND ")
            writer.mailbox(mailbox)
            if !flags.isEmpty { writer.raw(" (" + flags.map(\.wireForm).joined(separator: " ") + ")") }
            if let internalDate { writer.raw(" " + IMAPDate.dateTime(internalDate)) }
            writer.space()
            writer.literal(&message)
        case .uidExpunge(let set):
            writer.raw("UID EXPUNGE \(set)")
        case .uidFetch(let set, let items, let changedSince, let vanished):
            writer.raw("UID FETCH \(set) ")
            Command.writeFetch(items, changedSince: changedSince, vanished: vanished, to: &writer)
        case .fetch(let set, let items, let changedSince):
            writer.raw("FETCH \(set) ")
            Command.writeFetch(items, changedSince: changedSince, vanished: false, to: &writer)
        case .uidStore(let set, let operation, let unchangedSince):
            writer.raw("UID STORE \(set) ")
            if let unchangedSince { writer.raw("(UNCHANGEDSINCE \(unchangedSince)) ") }
            writer.raw(operation.wireText)
        case .uidSearch(let key, let returnOptions):
            writer.raw("UID ")
            Command.writeSearch(key, returnOptions: returnOptions, options: options, to: &writer)
        case .search(let key, let returnOptions):
            Command.writeSearch(key, returnOptions: returnOptions, options: options, to: &writer)
        case .uidCopy(let set, let mailbox):
            writer.raw("UID COPY \(set) ")
            writer.mailbox(mailbox)
        case .uidMove(let set, let mailbox):
            writer.raw("UID MOVE \(set) ")
            writer.mailbox(mailbox)
        }
    }

    private static func writeSelectParameters(_ parameters: SelectParameters, to writer: inout CommandWriter) {
        switch parameters {
        case .condStore:
            writer.raw(" (CONDSTORE)")
        case .qresync(let uidValidity, let modSeq, let knownUIDs):
            writer.raw(" (QRESYNC (\(uidValidity) \(modSeq)")
            if let knownUIDs, !knownUIDs.isEmpty { writer.raw(" \(knownUIDs)") }
            writer.raw("))")
        }
    }

    private static func writeFetch(_ items: [FetchItem], changedSince: ModSeq?, vanished: Bool,
                                   to writer: inout CommandWriter) {
        writer.raw("(" + items.map(\.wireText).joined(separator: " ") + ")")
        if let changedSince {
            writer.raw(" (CHANGEDSINCE \(changedSince)" + (vanished ? " VANISHED)" : ")"))
        }
    }

    private static func writeSearch(_ key: SearchKey, returnOptions: [SearchReturnOption]?,
                                    options: CommandEncodingOptions, to writer: inout CommandWriter) {
        writer.raw("SEARCH ")
        if let returnOptions {
            writer.raw("RETURN (" + returnOptions.map(\.rawValue).joined(separator: " ") + ") ")
        }
        if key.needsUTF8 && !options.utf8 { writer.raw("CHARSET UTF-8 ") }
        key.write(to: &writer)
    }

    /// The command without credentials, mailbox names or search strings, for logs and errors.
    public var redactedDescription: String {
        switch self {
        case .capability: return "CAPABILITY"
        case .noop: return "NOOP"
        case .logout: return "LOGOUT"
        case .startTLS: return "STARTTLS"
        case .login: return "LOGIN [credentials]"
        case .authenticate(let mechanism, let initial):
            return "AUTHENTICATE \(mechanism)" + (initial == nil ? "" : " [initial response]")
        case .enable(let capabilities): return "ENABLE " + capabilities.map(\.name).joined(separator: " ")
        case .id: return "ID"
        case .namespace: return "NAMESPACE"
        case .compressDeflate: return "COMPRESS DEFLATE"
        case .select(_, let parameters): return "SELECT [mailbox]" + (parameters == nil ? "" : " [parameters]")
        case .examine(_, let parameters): return "EXAMINE [mailbox]" + (parameters == nil ? "" : " [parameters]")
        case .unselect: return "UNSELECT"
        case .close: return "CLOSE"
        case .create: return "CREATE [mailbox]"
        case .delete: return "DELETE [mailbox]"
        case .rename: return "RENAME [mailbox] [mailbox]"
        case .subscribe: return "SUBSCRIBE [mailbox]"
        case .list(_, _, let options):
            return "LIST [reference] [pattern]" + (options.isEmpty ? "" : " RETURN (" + options.map(\.wireText).joined(separator: " ") + ")")
        case .lsub: return "LSUB [reference] [pattern]"
        case .status(_, let items): return "STATUS [mailbox] (" + items.map(\.rawValue).joined(separator: " ") + ")"
        case .append(_, _, _, let message): return "APPEND [mailbox] {\(message.readableBytes)}"
        case .check: return "CHECK"
        case .expunge: return "EXPUNGE"
        case .uidExpunge(let set): return "UID EXPUNGE \(set)"
        case .uidFetch(let set, let items, let changedSince, let vanished):
            return "UID FETCH \(set) (" + items.map(\.wireText).joined(separator: " ") + ")"
                + (changedSince.map { " (CHANGEDSINCE \($0)" + (vanished ? " VANISHED)" : ")") } ?? "")
        case .fetch(let set, let items, _):
            return "FETCH \(set) (" + items.map(\.wireText).joined(separator: " ") + ")"
        case .uidStore(let set, let operation, _): return "UID STORE \(set) \(operation.wireText)"
        case .uidSearch: return "UID SEARCH [criteria]"
        case .search: return "SEARCH [criteria]"
        case .uidCopy(let set, _): return "UID COPY \(set) [mailbox]"
        case .uidMove(let set, _): return "UID MOVE \(set) [mailbox]"
        case .idle: return "IDLE"
        }
    }
}
