import IMAPProtocol

/// Chooses how to log in from the server's capabilities and the credentials, and answers the server's
/// SASL challenges. Never exposes the secret except in the bytes it returns for the wire.
///
/// Preference: OAuth 2 credentials use OAUTHBEARER (RFC 7628), else XOAUTH2; passwords use SASL PLAIN
/// (RFC 4616), else SASL LOGIN, else the LOGIN command (unless LOGINDISABLED).
struct AuthenticationStateMachine {
    /// How the client logs in.
    enum Mechanism: String, Equatable {
        case plain = "PLAIN"
        case login = "LOGIN"
        case loginCommand = "LOGIN command"
        case oauthBearer = "OAUTHBEARER"
        case xoauth2 = "XOAUTH2"
    }

    /// The chosen mechanism.
    let mechanism: Mechanism
    private let credentials: Credentials
    private let initialResponseAllowed: Bool
    private var step = 0
    private var failedChallengeAnswered = false

    /// Picks a mechanism; fails when the server offers nothing these credentials can use.
    init(credentials: Credentials, capabilities: Set<Capability>) throws(IMAPError) {
        self.credentials = credentials
        self.initialResponseAllowed = capabilities.contains(.saslIR)
        let offered = Set(capabilities.compactMap(\.authMechanism))
        switch credentials.secret {
        case .oauth2:
            if offered.contains("OAUTHBEARER") {
                mechanism = .oauthBearer
            } else if offered.contains("XOAUTH2") {
                mechanism = .xoauth2
            } else {
                throw IMAPError(.authentication, "the server offers neither OAUTHBEARER nor XOAUTH2, so an OAuth token cannot be used")
            }
        case .password:
            if offered.contains("PLAIN") {
                mechanism = .plain
            } else if offered.contains("LOGIN") {
                mechanism = .login
            } else if !capabilities.contains(.loginDisabled) {
                mechanism = .loginCommand
            } else {
                throw IMAPError(.authentication, "the server offers no password login method (LOGINDISABLED, no AUTH=PLAIN or AUTH=LOGIN)")
            }
        }
    }

    /// The command that starts the login.
    func command() -> Command {
        switch mechanism {
        case .loginCommand:
            guard case .password(let password) = credentials.secret else { preconditionFailure("AuthenticationStateMachine: LOGIN without a password") }
            return .login(username: credentials.user, password: password)
        case .login:
            return .authenticate(mechanism: "LOGIN", initialResponse: nil)
        case .plain, .oauthBearer, .xoauth2:
            return .authenticate(mechanism: mechanism.rawValue, initialResponse: initialResponseAllowed ? firstMessage() : nil)
        }
    }

    /// The answer to a challenge (`+ base64`); nil bytes cancel the exchange (`*`).
    mutating func answer(challenge text: String) -> [UInt8]? {
        defer { step += 1 }
        switch mechanism {
        case .loginCommand:
            return nil
        case .login:
            // "Username:" then "Password:" (the prompts are not checked: servers word them differently).
            guard case .password(let password) = credentials.secret else { return nil }
            switch step {
            case 0: return Array(credentials.user.utf8)
            case 1: return Array(password.utf8)
            default: return nil
            }
        case .plain, .oauthBearer, .xoauth2:
            if step == 0 && !initialResponseAllowed { return firstMessage() }
            // A challenge after the credentials carries the server's error (RFC 7628 3.2.3); answer so the
            // server ends with NO: an empty response for XOAUTH2, a single ^A for OAUTHBEARER.
            guard !failedChallengeAnswered else { return nil }
            failedChallengeAnswered = true
            return mechanism == .oauthBearer ? [0x01] : []
        }
    }

    private func firstMessage() -> [UInt8] {
        let user = Array(credentials.user.utf8)
        switch credentials.secret {
        case .password(let password):
            return [0] + user + [0] + Array(password.utf8)
        case .oauth2(let token):
            if mechanism == .oauthBearer {
                // gs2 saslname: "," and "=" are written =2C and =3D (RFC 5801 4).
                let escaped = credentials.user.map { $0 == "=" ? "=3D" : $0 == "," ? "=2C" : String($0) }.joined()
                return Array("n,a=".utf8) + Array(escaped.utf8) + Array(",\u{1}auth=Bearer ".utf8) + Array(token.utf8) + [1, 1]
            }
            return Array("user=".utf8) + user + Array("\u{1}auth=Bearer ".utf8) + Array(token.utf8) + [1, 1]
        }
    }
}
