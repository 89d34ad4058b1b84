import IMAPProtocol
import NIOCore
import NIOSSL

extension IMAPConnection {
    /// From the greeting to a ready session: STARTTLS, capabilities, login, compression, ID.
    func establish(tlsFromStart: Bool) async throws {
        let requireSTARTTLS: Bool
        if case .startTLS = configuration.security { requireSTARTTLS = true } else { requireSTARTTLS = false }
        var machine = SessionSetupStateMachine(tlsFromStart: tlsFromStart, requireSTARTTLS: requireSTARTTLS,
                                               compression: configuration.compression, clientID: configuration.clientID)
        let timeout = configuration.timeouts.login
        guard case .untagged(let greeting) = try await receive(timeout: timeout) else {
            throw fail(IMAPError(.protocol, "the server did not start with a greeting"))
        }
        var action = machine.greetingReceived(greeting)
        while true {
            switch action {
            case .send(let command):
                let response = try await runSetupCommand(command, machine: &machine, timeout: timeout)
                action = machine.commandCompleted(state: response.state, code: response.text.code)
            case .authenticate:
                try await verifyServerName()
                let response = try await authenticate(capabilities: machine.capabilitiesForLogin, machine: &machine,
                                                      timeout: timeout)
                action = machine.commandCompleted(state: response.state, code: response.text.code)
            case .startTLS:
                let clean = reader.withLeftover { $0.readableBytes == 0 }
                guard clean else {
                    throw fail(IMAPError(.tls, "the server sent data after agreeing to STARTTLS (a possible injection attack)"))
                }
                let context = try Connector.sslContext(configuration)
                try await transport.startTLS(context: context, serverHostname: Connector.serverHostname(configuration))
                action = machine.tlsEstablished()
            case .startCompression:
                try reader.withLeftover { leftover in try transport.startCompression(leftover: &leftover) }
                logger.debug("IMAP compression on")
                action = machine.compressionStarted()
            case .ready:
                try await verifyServerName()
                capabilities = machine.capabilities ?? capabilities
                logger.info("IMAP session ready", metadata: ["imap.compressed": "\(transport.isCompressed)"])
                return
            case .fail(let box):
                throw fail(box.error)
            }
        }
    }

    /// Before any credential is sent: the certificate must name the configured DNS name itself (NIOSSL
    /// would also accept a certificate for the peer's IP address).
    private func verifyServerName() async throws {
        guard let name = Connector.serverHostname(configuration), usesTLS else { return }
        let certificate = try? await transport.channel.nioSSL_peerCertificate().get()
        guard let certificate, HostnameVerification.certificate(certificate, names: name) else {
            throw fail(IMAPError(.tls, "the server's certificate is not valid for \(name) (it names another host)"))
        }
    }

    private var usesTLS: Bool {
        if case .plaintext = configuration.security { return false }
        return true
    }

    private func runSetupCommand(_ command: Command, machine: inout SessionSetupStateMachine,
                                 timeout: Duration) async throws -> TaggedResponse {
        let tag = try await send(command)
        while true {
            let event = try await receive(timeout: timeout)
            switch event {
            case .tagged(let response) where response.tag == tag:
                return response
            case .untagged(.capability(let list)):
                machine.capabilitiesAnnounced(list)
            case .untagged(.ok(let text)):
                if case .capability(let list)? = text.code { machine.capabilitiesAnnounced(list) }
            default:
                break
            }
        }
    }

    /// Logs in with the mechanism the capabilities allow (SASL exchange or the LOGIN command).
    private func authenticate(capabilities: Set<Capability>, machine: inout SessionSetupStateMachine,
                              timeout: Duration) async throws -> TaggedResponse {
        var sasl: AuthenticationStateMachine
        do {
            sasl = try AuthenticationStateMachine(credentials: configuration.credentials, capabilities: capabilities)
        } catch {
            throw fail(error)
        }
        logger.debug("IMAP login", metadata: ["imap.mechanism": "\(sasl.mechanism.rawValue)"])
        let command = sasl.command()
        let tag = try await send(command, handling: command.isAuthenticate ? .caller : .literals)
        while true {
            let event = try await receive(timeout: timeout)
            switch event {
            case .tagged(let response) where response.tag == tag:
                return response
            case .continuation(let request):
                try await sendLine(Command.saslResponse(sasl.answer(challenge: request.text)))
            case .untagged(.capability(let list)):
                machine.capabilitiesAnnounced(list)
            default:
                break
            }
        }
    }
}

extension Command {
    /// Whether this is AUTHENTICATE (its continuations are SASL challenges).
    var isAuthenticate: Bool {
        if case .authenticate = self { return true }
        return false
    }
}
