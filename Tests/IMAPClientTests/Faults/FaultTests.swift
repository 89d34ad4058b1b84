import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// The folder with the messages the fault tests fetch, filled once for all of them.
private let faultFolder = MailboxName("Faults")
private let faultSetup = Task { () async throws -> DovecotServer in
    let server = try await TestServers.shared()
    try await TestServers.deliver((0..<20).map { DovecotServer.Message(sizedMessage(5_000 + $0, seed: $0)) },
                                  to: faultFolder, on: server)
    return server
}

private func serverWithFaultFolder() async throws -> DovecotServer {
    try await faultSetup.value
}

/// A plaintext configuration through a proxy (so faults hit IMAP bytes, not TLS records).
private func proxied(_ proxy: FaultProxy, _ server: DovecotServer, compression: Bool = false, tls: Bool = false) -> IMAPConfiguration {
    var configuration = TestServers.configuration(server, security: tls ? .implicitTLS : .plaintext(allowInsecure: true))
    configuration.port = proxy.port
    configuration.compression = compression
    configuration.timeouts.command = .seconds(5)
    configuration.timeouts.login = .seconds(5)
    return configuration
}

/// Logs in, selects the fault folder and fetches every body; returns the bytes received.
private func fetchAll(_ configuration: IMAPConfiguration) async throws -> Int {
    try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
        try await connection.select(faultFolder, readOnly: true)
        var total = 0
        for try await event in connection.fetchBodies(UIDSet.all) {
            if case .bytes(let chunk) = event { total += chunk.readableBytes }
        }
        return total
    }
}

/// Runs `body` through a proxy with `fault`, expecting an IMAPError within `limit`.
private func expectFault(_ fault: FaultProxy.Fault, compression: Bool = false, tls: Bool = false, within limit: Duration = .seconds(20),
                         sourceLocation: SourceLocation = #_sourceLocation) async throws -> IMAPError? {
    let server = try await serverWithFaultFolder()
    let proxy = try await FaultProxy.start(upstreamPort: tls ? server.imapsPort! : server.imapPort!, fault: fault)
    let clock = ContinuousClock()
    let start = clock.now
    let error = await expectIMAPError({ _ = try await fetchAll(proxied(proxy, server, compression: compression, tls: tls)) },
                                      sourceLocation: sourceLocation)
    await proxy.stop()
    #expect(clock.now - start < limit, "the client must give up in bounded time", sourceLocation: sourceLocation)
    return error
}

@Suite("IMAPClient under faults: cut, stalled, corrupted and trickled streams")
struct FaultTests {
    @Test("a clean proxy changes nothing")
    func baseline() async throws {
        let server = try await serverWithFaultFolder()
        let proxy = try await FaultProxy.start(upstreamPort: server.imapPort!, fault: .none)
        let total = try await fetchAll(proxied(proxy, server))
        await proxy.stop()
        #expect(total == (0..<20).reduce(0) { $0 + 5_000 + $1 })
    }

    @Test("cut in the greeting: a connection error")
    func cutInGreeting() async throws {
        let error = try await expectFault(.cut(after: .bytes(10)))
        #expect(error?.category == .connection)
    }

    @Test("cut in the middle of a body literal: a connection error, not a short message")
    func cutMidLiteral() async throws {
        let error = try await expectFault(.cut(after: .marker("BODY[] {", plus: 300)))
        #expect(error?.category == .connection)
    }

    @Test("stalled during login: a timeout")
    func stallAtLogin() async throws {
        let error = try await expectFault(.stall(after: .marker("LOGIN", plus: 0)))
        #expect(error?.category == .timeout)
    }

    @Test("stalled in the middle of a body: a timeout")
    func stallMidLiteral() async throws {
        let error = try await expectFault(.stall(after: .marker("BODY[] {", plus: 100)))
        #expect(error?.category == .timeout)
    }

    @Test("corrupted response grammar: a protocol error")
    func corruptGrammar() async throws {
        let error = try await expectFault(.corrupt(after: .marker("FETCH (", plus: 0), count: 6))
        #expect(error?.category == .protocol)
    }

    @Test("corrupted literal length: a protocol error or a cut, never a hang")
    func corruptLiteralLength() async throws {
        let error = try await expectFault(.corrupt(after: .marker("BODY[] {", plus: 0), count: 3))
        #expect(error?.category == .protocol || error?.category == .timeout)
    }

    @Test("corrupted compressed stream: a protocol error")
    func corruptCompressed() async throws {
        let error = try await expectFault(.corrupt(after: .marker("compression", plus: 60), count: 40), compression: true)
        #expect(error?.category == .protocol || error?.category == .timeout)
    }

    @Test("corrupted TLS records: a TLS or connection error")
    func corruptTLS() async throws {
        let error = try await expectFault(.corrupt(after: .bytes(3_000), count: 64), tls: true)
        #expect(error?.category == .tls || error?.category == .connection)
    }

    @Test("a trickling server is slow but correct")
    func trickle() async throws {
        let server = try await serverWithFaultFolder()
        let proxy = try await FaultProxy.start(upstreamPort: server.imapPort!, fault: .trickle(bytes: 1_500, interval: .milliseconds(2)))
        var configuration = proxied(proxy, server)
        configuration.fetch.batchSize = 3
        let total = try await fetchAll(configuration)
        await proxy.stop()
        #expect(total == (0..<20).reduce(0) { $0 + 5_000 + $1 })
    }

    @Test("corruption anywhere: success or a typed error, in bounded time", arguments: [150, 700, 1_400, 2_100, 4_000, 9_000, 30_000, 60_000])
    func corruptAnywhere(offset: Int) async throws {
        let server = try await serverWithFaultFolder()
        let proxy = try await FaultProxy.start(upstreamPort: server.imapPort!, fault: .corrupt(after: .bytes(offset), count: 5))
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try await fetchAll(proxied(proxy, server))
        } catch is IMAPError {
            // A clear error is the expected outcome when the corruption hit the grammar.
        }
        await proxy.stop()
        #expect(clock.now - start < .seconds(20))
    }
}
