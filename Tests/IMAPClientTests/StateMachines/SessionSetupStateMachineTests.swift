@testable import IMAPClient
import IMAPProtocol
import Testing

@Suite("SessionSetupStateMachine")
struct SessionSetupStateMachineTests {
    private let preLogin: [Capability] = [.imap4rev1, .startTLS, .auth("PLAIN"), .saslIR]
    private let postLogin: [Capability] = [.imap4rev1, .condStore, .compressDeflate, .id, .idle]

    @Test("IMAPS: greeting with capabilities, login, capabilities from the login OK, compression, ID, ready")
    func implicitTLS() {
        var machine = SessionSetupStateMachine(tlsFromStart: true, requireSTARTTLS: false, compression: true,
                                               clientID: [IDParameter(key: "name", value: "Cairn")])
        #expect(machine.greetingReceived(.ok(ResponseText(code: .capability(preLogin), text: "ready"))) == .authenticate)
        #expect(machine.capabilitiesForLogin.contains(.auth("PLAIN")))
        #expect(machine.commandCompleted(state: .ok, code: .capability(postLogin)) == .send(.compressDeflate))
        #expect(machine.commandCompleted(state: .ok, code: nil) == .startCompression)
        #expect(machine.compressionStarted() == .send(.id([IDParameter(key: "name", value: "Cairn")])))
        #expect(machine.commandCompleted(state: .ok, code: nil) == .ready)
        #expect(machine.capabilities == Set(postLogin))
    }

    @Test("STARTTLS: capabilities asked, upgrade, capabilities asked again, then login")
    func startTLS() {
        var machine = SessionSetupStateMachine(tlsFromStart: false, requireSTARTTLS: true, compression: false, clientID: nil)
        #expect(machine.greetingReceived(.ok(ResponseText(text: "ready"))) == .send(.capability))
        machine.capabilitiesAnnounced(preLogin)
        #expect(machine.commandCompleted(state: .ok, code: nil) == .send(.startTLS))
        #expect(machine.commandCompleted(state: .ok, code: nil) == .startTLS)
        #expect(machine.capabilities == nil, "pre-TLS capabilities are forgotten")
        #expect(machine.tlsEstablished() == .send(.capability))
        machine.capabilitiesAnnounced(preLogin)
        #expect(machine.commandCompleted(state: .ok, code: nil) == .authenticate)
        #expect(machine.commandCompleted(state: .ok, code: nil) == .send(.capability), "no capabilities with the login OK")
        machine.capabilitiesAnnounced(postLogin)
        #expect(machine.commandCompleted(state: .ok, code: nil) == .ready)
    }

    @Test("STARTTLS required but not offered, or PREAUTH before TLS: refused")
    func startTLSMissing() {
        var machine = SessionSetupStateMachine(tlsFromStart: false, requireSTARTTLS: true, compression: false, clientID: nil)
        guard case .fail(let box) = machine.greetingReceived(.ok(ResponseText(code: .capability([.imap4rev1, .auth("PLAIN")]), text: ""))) else {
            Issue.record("expected a failure")
            return
        }
        #expect(box.error.category == .tls)
        var preauth = SessionSetupStateMachine(tlsFromStart: false, requireSTARTTLS: true, compression: false, clientID: nil)
        guard case .fail(let second) = preauth.greetingReceived(.preauth(ResponseText(text: ""))) else {
            Issue.record("expected a failure")
            return
        }
        #expect(second.error.category == .tls)
    }

    @Test("a refused login is an authentication error; BYE greeting a connection error")
    func failures() {
        var machine = SessionSetupStateMachine(tlsFromStart: true, requireSTARTTLS: false, compression: false, clientID: nil)
        _ = machine.greetingReceived(.ok(ResponseText(code: .capability(preLogin), text: "")))
        guard case .fail(let box) = machine.commandCompleted(state: .no, code: .other("AUTHENTICATIONFAILED", nil)) else {
            Issue.record("expected a failure")
            return
        }
        #expect(box.error.category == .authentication)
        var bye = SessionSetupStateMachine(tlsFromStart: true, requireSTARTTLS: false, compression: false, clientID: nil)
        guard case .fail(let byeBox) = bye.greetingReceived(.bye(ResponseText(text: "too many"))) else {
            Issue.record("expected a failure")
            return
        }
        #expect(byeBox.error.category == .connection)
    }

    @Test("PREAUTH skips login; a refused COMPRESS is not fatal")
    func preauthAndCompressRefused() {
        var machine = SessionSetupStateMachine(tlsFromStart: true, requireSTARTTLS: false, compression: true, clientID: nil)
        #expect(machine.greetingReceived(.preauth(ResponseText(code: .capability(postLogin), text: ""))) == .send(.compressDeflate))
        #expect(machine.isAuthenticated)
        #expect(machine.commandCompleted(state: .no, code: nil) == .ready)
    }
}
