import IMAPProtocol
import NIOCore

extension IMAPConnection {
    /// Waits for changes in the selected mailbox with IDLE (RFC 2177), handing each to `handler` until it
    /// returns `.stop`. IDLE is renewed every ``Timeouts/idleRenewal`` (29 minutes by default). Cancelling
    /// the task ends IDLE cleanly (DONE) and then throws `CancellationError`. `whenIdling`, if given, runs
    /// each time the server confirms IDLE (`+`), at the start and after each renewal.
    ///
    /// ```swift
    /// try await connection.idle { event in
    ///     if case .exists = event { return .stop }   // new mail: go and fetch it
    ///     return .continue
    /// }
    /// ```
    public func idle(whenIdling: (() async throws -> Void)? = nil,
                     _ handler: (IdleEvent) async throws -> IdleDecision) async throws {
        try await settle()
        guard capabilities.contains(.idle) else { throw IMAPError(.usage, "the server does not support IDLE") }
        guard selected != nil else { throw IMAPError(.usage, "IDLE needs a selected mailbox") }
        var machine = IdleStateMachine()
        var assembler = FetchAssembler(maxSectionBytes: 0)
        var tag = try await send(.idle, handling: .caller)
        var renewAt = NIODeadline.now() + TimeAmount(configuration.timeouts.idleRenewal)
        var cancelled = false

        func perform(_ actions: [IdleStateMachine.Action]) async throws {
            var pending = actions[...]
            while let action = pending.popFirst() {
                switch action {
                case .sendDone:
                    try await sendLine(Command.idleDone)
                case .sendIdle:
                    tag = try await send(.idle, handling: .caller)
                case .deliver(let event):
                    if cancelled { continue }
                    if try await handler(event) == .stop { pending += machine.stop() }
                case .finished:
                    break
                }
            }
        }

        while !machine.isFinished {
            if Task.isCancelled && !cancelled {
                cancelled = true
                try await perform(machine.stop())
            }
            let deadline = machine.isIdling ? renewAt : NIODeadline.now() + TimeAmount(configuration.timeouts.command)
            let event = try await receive(until: deadline, cancellation: cancelled ? .ignore : .returnNil)
            guard let event else {
                if Task.isCancelled { continue }
                guard machine.isIdling else { throw fail(IMAPError(.timeout, "the server did not answer IDLE or DONE in time")) }
                try await perform(machine.renewalDue())
                continue
            }
            switch event {
            case .continuation:
                try await perform(machine.continuationReceived())
                renewAt = NIODeadline.now() + TimeAmount(configuration.timeouts.idleRenewal)
                if machine.isIdling, !cancelled, let whenIdling { try await whenIdling() }
            case .untagged(let response):
                try await perform(machine.untagged(response))
            case .fetch(let fetch):
                if let message = try assembler.receive(fetch) { try await perform(machine.fetched(message)) }
            case .tagged(let response) where response.tag == tag:
                try await perform(machine.completed(response))
            case .tagged:
                throw fail(IMAPError(.protocol, "a completion for a command not in progress during IDLE"))
            }
        }
        if cancelled { throw CancellationError() }
    }
}
