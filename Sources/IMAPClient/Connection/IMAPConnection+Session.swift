import IMAPProtocol
import MailModel

extension IMAPConnection {
    /// Whether COMPRESS=DEFLATE is in use.
    public var isCompressed: Bool { transport.isCompressed }

    /// Asks for the capabilities again (CAPABILITY) and returns them.
    @discardableResult
    public func refreshCapabilities() async throws -> Set<Capability> {
        try await execute(.capability)
        return capabilities
    }

    /// Turns on extensions (ENABLE, RFC 5161), e.g. `[.condStore, .qresync]`; returns those now enabled.
    /// Only what the server offers is asked for; without ENABLE support nothing happens.
    @discardableResult
    public func enable(_ extensions: [Capability]) async throws -> Set<Capability> {
        let wanted = extensions.filter { capabilities.contains($0) || $0 == .condStore && capabilities.contains(.qresync) }
        guard capabilities.contains(.enable), !wanted.isEmpty else { return enabled }
        try await execute(.enable(wanted))
        return enabled
    }

    /// Whether CONDSTORE is usable (offered, or implied by QRESYNC).
    public var supportsCondStore: Bool {
        capabilities.contains(.condStore) || capabilities.contains(.qresync)
    }

    /// Sends ID (RFC 2971) and returns the server's fields (empty when it offers no ID).
    public func identify(_ fields: [IDParameter]?) async throws -> [IDParameter] {
        guard capabilities.contains(.id) else { return [] }
        var result: [IDParameter] = []
        try await execute(.id(fields)) { event in
            if case .untagged(.id(let parameters)) = event { result = parameters }
        }
        return result
    }

    /// The server's namespaces (RFC 2342); nil when it offers no NAMESPACE.
    public func namespaces() async throws -> NamespaceResponse? {
        guard capabilities.contains(.namespace) else { return nil }
        var result: NamespaceResponse?
        try await execute(.namespace) { event in
            if case .untagged(.namespace(let value)) = event { result = value }
        }
        return result
    }

    /// NOOP: lets the server report changes (EXISTS, EXPUNGE...), returned as raw events.
    @discardableResult
    public func noop() async throws -> [ResponseEvent] {
        var events: [ResponseEvent] = []
        try await execute(.noop) { events.append($0) }
        return events
    }

    /// Runs any command and returns everything the server answered before the completion; throws
    /// ``IMAPError`` with category `.commandFailed` on NO or BAD. For tools and tests.
    public func execute(raw command: Command) async throws -> CommandResult {
        var result = CommandResult(untagged: [], fetches: [], completion: TaggedResponse(tag: "", state: .ok, text: ResponseText(text: "")))
        var assembler = FetchAssembler()
        result.completion = try await execute(command) { event in
            switch event {
            case .untagged(let response): result.untagged.append(response)
            case .fetch(let fetch): if let message = try assembler.receive(fetch) { result.fetches.append(message) }
            default: break
            }
        }
        return result
    }

    /// Logs out (waiting briefly for the answer) and closes the connection; never throws.
    func logout() async {
        if broken == nil, (try? await settleQuickly()) != nil {
            if let tag = try? await send(.logout) {
                while let event = try? await receive(timeout: configuration.timeouts.logout) {
                    if case .tagged(let response) = event, response.tag == tag { break }
                }
            }
        }
        broken = broken ?? IMAPError(.usage, "the connection was closed")
        await transport.close()
    }

    /// Closes after an error in the caller's code: logs out when the connection is in a clean state.
    func closeQuietly() async {
        await logout()
    }

    private func settleQuickly() async throws {
        guard activeStream != nil || !commands.inFlight.isEmpty else { return }
        // Something is still in flight: do not wait for it, just close.
        throw IMAPError(.usage, "commands still in flight")
    }
}

/// The answer to a command run with ``IMAPConnection/execute(raw:)``.
public struct CommandResult: Sendable {
    /// Untagged responses (FETCH aside).
    public var untagged: [UntaggedResponse]
    /// FETCH responses, assembled (small bodies included).
    public var fetches: [FetchedAttributes]
    /// The tagged completion.
    public var completion: TaggedResponse
}
