@testable import IMAPClient
import IMAPProtocol
import Testing

@Suite("AuthenticationStateMachine")
struct AuthenticationStateMachineTests {
    private let password = Credentials.password(user: "alice", password: "s3cret")
    private let token = Credentials.oauth2(user: "alice@example.com", accessToken: "ya29.token")

    @Test("PLAIN with SASL-IR sends everything in the command")
    func plainWithInitialResponse() throws {
        let machine = try AuthenticationStateMachine(credentials: password, capabilities: [.auth("PLAIN"), .saslIR])
        #expect(machine.mechanism == .plain)
        #expect(machine.command() == .authenticate(mechanism: "PLAIN", initialResponse: Array("\0alice\0s3cret".utf8)))
        let line = String(buffer: machine.command().encoded(tag: "A1", options: .init()).joined)
        #expect(line == "A1 AUTHENTICATE PLAIN AGFsaWNlAHMzY3JldA==\r\n")
    }

    @Test("PLAIN without SASL-IR answers the first challenge")
    func plainWithoutInitialResponse() throws {
        var machine = try AuthenticationStateMachine(credentials: password, capabilities: [.auth("PLAIN")])
        #expect(machine.command() == .authenticate(mechanism: "PLAIN", initialResponse: nil))
        #expect(machine.answer(challenge: "") == Array("\0alice\0s3cret".utf8))
    }

    @Test("SASL LOGIN answers user name, then password")
    func saslLogin() throws {
        var machine = try AuthenticationStateMachine(credentials: password, capabilities: [.auth("LOGIN")])
        #expect(machine.mechanism == .login)
        #expect(machine.answer(challenge: "VXNlcm5hbWU6") == Array("alice".utf8))
        #expect(machine.answer(challenge: "UGFzc3dvcmQ6") == Array("s3cret".utf8))
        #expect(machine.answer(challenge: "") == nil)
    }

    @Test("the LOGIN command when no mechanism fits, unless LOGINDISABLED")
    func loginCommand() throws {
        let machine = try AuthenticationStateMachine(credentials: password, capabilities: [.imap4rev1])
        #expect(machine.command() == .login(username: "alice", password: "s3cret"))
        #expect(throws: IMAPError.self) {
            try AuthenticationStateMachine(credentials: password, capabilities: [.loginDisabled, .auth("GSSAPI")])
        }
    }

    @Test("OAuth prefers OAUTHBEARER, else XOAUTH2, and answers an error challenge once")
    func oauth() throws {
        var bearer = try AuthenticationStateMachine(credentials: token, capabilities: [.auth("XOAUTH2"), .auth("OAUTHBEARER"), .saslIR])
        #expect(bearer.mechanism == .oauthBearer)
        #expect(bearer.command() == .authenticate(mechanism: "OAUTHBEARER",
                                                  initialResponse: Array("n,a=alice@example.com,\u{1}auth=Bearer ya29.token\u{1}\u{1}".utf8)))
        #expect(bearer.answer(challenge: "eyJzdGF0dXMiOiI0MDEifQ==") == [0x01])
        #expect(bearer.answer(challenge: "x") == nil)
        var xoauth = try AuthenticationStateMachine(credentials: token, capabilities: [.auth("XOAUTH2"), .saslIR])
        #expect(xoauth.command() == .authenticate(mechanism: "XOAUTH2",
                                                  initialResponse: Array("user=alice@example.com\u{1}auth=Bearer ya29.token\u{1}\u{1}".utf8)))
        #expect(xoauth.answer(challenge: "eyJzdGF0dXMiOiI0MDEifQ==") == [])
        #expect(throws: IMAPError.self) { try AuthenticationStateMachine(credentials: token, capabilities: [.auth("PLAIN")]) }
    }

    @Test("descriptions never show the secret")
    func redaction() {
        #expect(!"\(password)".contains("s3cret"))
        #expect(!String(reflecting: token).contains("ya29"))
        let command = Command.login(username: "alice", password: "s3cret")
        #expect(!command.encoded(tag: "A1", options: .init()).redactedDescription.contains("s3cret"))
        #expect(!command.redactedDescription.contains("alice"))
    }
}
