/// One thing the response parser produces: a whole response, a continuation request, or one step of a
/// FETCH response (whose body literals stream in pieces).
///
/// ```
/// S: * 3 EXISTS                         → .untagged(.exists(3))
/// S: + idling                           → .continuation(ContinuationRequest(text: "idling"))
/// S: * 1 FETCH (UID 7 BODY[] {5}        → .fetch(.start(1)), .fetch(.attribute(.uid(7))),
/// S: hello)                                .fetch(.streamingBegin(.body(.complete, offset: nil), byteCount: 5)),
///                                          .fetch(.streamingBytes("hello")), .fetch(.streamingEnd), .fetch(.finish)
/// S: A1 OK done                         → .tagged(TaggedResponse(tag: "A1", state: .ok, ...))
/// ```
public enum ResponseEvent: Hashable, Sendable {
    /// An untagged response other than FETCH (`* ...`).
    case untagged(UntaggedResponse)
    /// The completion of a command (`A1 OK ...`).
    case tagged(TaggedResponse)
    /// A continuation request (`+ ...`).
    case continuation(ContinuationRequest)
    /// A step of a FETCH response.
    case fetch(FetchEvent)
}

/// A continuation request: the server waits for a literal, a SASL response, or (IDLE) for `DONE`.
///
/// - SeeAlso: RFC 3501 7.5.
public struct ContinuationRequest: Hashable, Sendable {
    /// The text after `+ ` (base64 data during AUTHENTICATE), possibly empty.
    public var text: String

    /// A continuation request.
    public init(text: String) { self.text = text }
}

/// The tagged completion of a command: `A1 OK [READ-WRITE] SELECT completed`.
///
/// - SeeAlso: RFC 3501 7.1.
public struct TaggedResponse: Hashable, Sendable {
    /// The command's tag.
    public var tag: String
    /// OK, NO or BAD.
    public var state: ResponseState
    /// The response code and human-readable text.
    public var text: ResponseText

    /// A tagged response.
    public init(tag: String, state: ResponseState, text: ResponseText) {
        self.tag = tag
        self.state = state
        self.text = text
    }
}

/// The outcome word of a tagged or untagged status response.
public enum ResponseState: String, Hashable, Sendable {
    /// `OK`: success.
    case ok = "OK"
    /// `NO`: the server refused (operational error).
    case no = "NO"
    /// `BAD`: the server did not understand the command (protocol error).
    case bad = "BAD"
}

/// The rest of a status response: an optional `[CODE ...]` and human-readable text.
public struct ResponseText: Hashable, Sendable {
    /// The response code, if any.
    public var code: ResponseCode?
    /// The human-readable text (may be empty).
    public var text: String

    /// A response text.
    public init(code: ResponseCode? = nil, text: String) {
        self.code = code
        self.text = text
    }
}
