import IMAPProtocol

/// IDLE (RFC 2177): start, report what the server says, end with DONE when asked or when it is time to
/// renew (servers drop an IDLE after 30 minutes; it is renewed after 29), and start again after renewal.
///
/// States and transitions:
/// - `starting` (IDLE sent) → `idling` on `+` | `finished` on a tagged NO/BAD (error)
/// - `idling` → `ending` on stop or renewal (DONE sent)
/// - `ending(renew)` → `starting` (renew: IDLE sent again) | `finished` on the tagged OK
struct IdleStateMachine {
    /// What to do.
    enum Action: Equatable {
        /// Send `DONE`.
        case sendDone
        /// Send a new `IDLE` command.
        case sendIdle
        /// Give this event to the caller.
        case deliver(IdleEvent)
        /// IDLE is over.
        case finished
    }

    private enum State: Equatable {
        case starting
        case idling
        case ending(renew: Bool)
        case finished
    }

    private var state = State.starting
    /// Whether the caller asked to stop (a renewal in progress then ends instead of restarting).
    private var stopRequested = false

    /// Whether the server confirmed IDLE and DONE may be sent.
    var isIdling: Bool { state == .idling }
    /// Whether IDLE is over.
    var isFinished: Bool { state == .finished }

    /// The server answered IDLE with `+`.
    mutating func continuationReceived() throws(IMAPError) -> [Action] {
        guard state == .starting else { throw IMAPError(.protocol, "an unexpected continuation request during IDLE") }
        state = .idling
        return stopRequested ? stop() : []
    }

    /// An untagged response arrived.
    mutating func untagged(_ response: UntaggedResponse) -> [Action] {
        switch response {
        case .exists(let count): return [.deliver(.exists(count))]
        case .recent(let count): return [.deliver(.recent(count))]
        case .expunge(let number): return [.deliver(.expunged(number))]
        case .vanished(let uids, _): return [.deliver(.vanished(uids))]
        default: return []
        }
    }

    /// A FETCH response arrived (flags changed).
    func fetched(_ message: FetchedAttributes) -> [Action] { [.deliver(.fetched(message))] }

    /// The caller wants IDLE to end.
    mutating func stop() -> [Action] {
        stopRequested = true
        switch state {
        case .idling:
            state = .ending(renew: false)
            return [.sendDone]
        case .ending:
            state = .ending(renew: false)
            return []
        case .starting, .finished:
            return []  // DONE goes out once `+` arrives
        }
    }

    /// The IDLE has lasted long enough: renew it.
    mutating func renewalDue() -> [Action] {
        guard state == .idling, !stopRequested else { return [] }
        state = .ending(renew: true)
        return [.sendDone]
    }

    /// The IDLE command completed.
    mutating func completed(_ response: TaggedResponse) throws(IMAPError) -> [Action] {
        switch state {
        case .starting:
            state = .finished
            throw IMAPError(.commandFailed, "the server refused IDLE (\(response.state.rawValue))",
                            responseCode: response.text.code, serverText: response.text.text)
        case .ending(let renew):
            if renew && !stopRequested {
                state = .starting
                return [.sendIdle]
            }
            state = .finished
            return [.finished]
        case .idling:
            // The server ended IDLE on its own (allowed): restart unless stopping.
            if stopRequested || response.state != .ok {
                state = .finished
                return [.finished]
            }
            state = .starting
            return [.sendIdle]
        case .finished:
            throw IMAPError(.protocol, "IDLE completed twice")
        }
    }
}
