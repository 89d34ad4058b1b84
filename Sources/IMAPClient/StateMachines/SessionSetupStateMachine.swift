import IMAPProtocol

/// Drives a new connection from the greeting to a logged-in session: STARTTLS when asked for, the
/// capabilities, login, COMPRESS=DEFLATE and ID. Each input returns the next action; the connection
/// performs it and reports back.
///
/// States and their transitions:
/// - `greeting` → `capabilities` | `startingTLS` | `authenticating` | `compressing` (PREAUTH) | failed
/// - `capabilities(next)` → `startingTLS` | `authenticating` | `compressing` | failed
/// - `startingTLS` → `awaitingTLS` → `capabilities`
/// - `authenticating` → `capabilities` (after login) | `compressing` | failed
/// - `compressing` → `identifying` | ready
/// - `identifying` → ready
struct SessionSetupStateMachine {
    /// What the connection does next.
    enum Action: Equatable {
        /// Send this command and report its completion with ``commandCompleted(state:code:)``.
        case send(Command)
        /// Log in with this mechanism (the connection runs the SASL exchange), then report completion.
        case authenticate
        /// Put TLS on the connection, then call ``tlsEstablished()``.
        case startTLS
        /// Compress both directions from now on, then call ``compressionStarted()``.
        case startCompression
        /// The session is ready.
        case ready
        /// Give up.
        case fail(IMAPErrorBox)
    }

    private enum Phase: Equatable {
        case greeting
        case capabilities(afterTLS: Bool, afterLogin: Bool)
        case startingTLS
        case awaitingTLS
        case authenticating
        case compressing
        case compressionStarting
        case identifying
        case ready
        case failed
    }

    private let requireTLSUpgrade: Bool
    private let wantsCompression: Bool
    private let clientID: [IDParameter]?
    private var phase = Phase.greeting
    private var tlsDone: Bool
    private var authenticated = false
    /// The capabilities as last announced (cleared when TLS starts and at login: they change).
    private(set) var capabilities: Set<Capability>?
    /// The capabilities the login mechanism is chosen from (set with ``Action/authenticate``).
    private(set) var capabilitiesForLogin: Set<Capability> = []

    /// A machine for a connection that is already encrypted (`tlsFromStart`) or must upgrade with STARTTLS.
    init(tlsFromStart: Bool, requireSTARTTLS: Bool, compression: Bool, clientID: [IDParameter]?) {
        self.tlsDone = tlsFromStart
        self.requireTLSUpgrade = requireSTARTTLS
        self.wantsCompression = compression
        self.clientID = clientID
    }

    /// Whether login succeeded (or the server pre-authenticated).
    var isAuthenticated: Bool { authenticated }

    /// The server's greeting.
    mutating func greetingReceived(_ greeting: UntaggedResponse) -> Action {
        guard phase == .greeting else { return fail(.protocol, "a second greeting") }
        switch greeting {
        case .ok(let text):
            if case .capability(let list)? = text.code { capabilities = Set(list) }
            return afterCapabilitiesKnownOrAsk(afterLogin: false)
        case .preauth(let text):
            if requireTLSUpgrade && !tlsDone {
                return fail(.tls, "the server logged the connection in before STARTTLS, so it cannot be encrypted")
            }
            authenticated = true
            if case .capability(let list)? = text.code { capabilities = Set(list) }
            return afterCapabilitiesKnownOrAsk(afterLogin: true)
        case .bye:
            return fail(.connection, "the server refused the connection (BYE in its greeting)")
        default:
            return fail(.protocol, "the server did not greet with OK, PREAUTH or BYE")
        }
    }

    /// Capabilities the server announced unasked (a `* CAPABILITY` line or a `[CAPABILITY]` code).
    mutating func capabilitiesAnnounced(_ list: [Capability]) {
        if phase == .awaitingTLS { return }  // anything before the handshake is not to be trusted
        capabilities = Set(list)
    }

    /// The command sent for the last ``Action/send(_:)`` or ``Action/authenticate`` completed.
    mutating func commandCompleted(state: ResponseState, code: ResponseCode?) -> Action {
        if case .capability(let list)? = code, phase != .startingTLS { capabilities = Set(list) }
        switch phase {
        case .capabilities(let afterTLS, let afterLogin):
            guard state == .ok, capabilities != nil else {
                return fail(.protocol, "the server refused CAPABILITY")
            }
            _ = afterTLS
            return afterLogin ? afterLoginCapabilities() : beforeLogin()
        case .startingTLS:
            guard state == .ok else { return fail(.tls, "the server refused STARTTLS") }
            phase = .awaitingTLS
            capabilities = nil
            return .startTLS
        case .authenticating:
            guard state == .ok else {
                return fail(.authentication, "the server refused the user name or password (or token)")
            }
            authenticated = true
            return afterCapabilitiesKnownOrAsk(afterLogin: true)
        case .compressing:
            guard state == .ok else { return identify() }
            phase = .compressionStarting
            return .startCompression
        case .identifying:
            phase = .ready
            return .ready
        default:
            return fail(.protocol, "a command completed that the login sequence did not send")
        }
    }

    /// TLS is up after STARTTLS.
    mutating func tlsEstablished() -> Action {
        guard phase == .awaitingTLS else { return fail(.protocol, "TLS started at an unexpected point") }
        tlsDone = true
        phase = .capabilities(afterTLS: true, afterLogin: false)
        return .send(.capability)
    }

    /// Compression is on.
    mutating func compressionStarted() -> Action {
        guard phase == .compressionStarting else { return fail(.protocol, "compression started at an unexpected point") }
        return identify()
    }

    // MARK: - Steps

    private mutating func afterCapabilitiesKnownOrAsk(afterLogin: Bool) -> Action {
        guard capabilities != nil else {
            phase = .capabilities(afterTLS: tlsDone, afterLogin: afterLogin)
            return .send(.capability)
        }
        return afterLogin ? afterLoginCapabilities() : beforeLogin()
    }

    private mutating func beforeLogin() -> Action {
        let capabilities = self.capabilities ?? []
        if requireTLSUpgrade && !tlsDone {
            guard capabilities.contains(.startTLS) else {
                return fail(.tls, "the server does not offer STARTTLS, so the connection cannot be encrypted")
            }
            phase = .startingTLS
            return .send(.startTLS)
        }
        phase = .authenticating
        capabilitiesForLogin = capabilities
        self.capabilities = nil
        return .authenticate
    }

    private mutating func afterLoginCapabilities() -> Action {
        let capabilities = self.capabilities ?? []
        if wantsCompression && capabilities.contains(.compressDeflate) {
            phase = .compressing
            return .send(.compressDeflate)
        }
        return identify()
    }

    private mutating func identify() -> Action {
        if let clientID, (capabilities ?? []).contains(.id) {
            phase = .identifying
            return .send(.id(clientID))
        }
        phase = .ready
        return .ready
    }

    private mutating func fail(_ category: IMAPError.Category, _ message: String) -> Action {
        phase = .failed
        return .fail(IMAPErrorBox(IMAPError(category, message)))
    }
}

/// An ``IMAPError`` inside an `Equatable` action (compared by category and message).
struct IMAPErrorBox: Equatable {
    let error: IMAPError
    init(_ error: IMAPError) { self.error = error }
    static func == (lhs: IMAPErrorBox, rhs: IMAPErrorBox) -> Bool {
        lhs.error.category == rhs.error.category && lhs.error.message == rhs.error.message
    }
}
