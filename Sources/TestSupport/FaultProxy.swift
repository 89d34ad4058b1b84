import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on 127.0.0.1 for fault tests: forwards each connection to an upstream server and applies a
/// fault to what the server sends back: cut the connection, stall it, corrupt bytes or trickle them.
///
/// ```swift
/// let proxy = try await FaultProxy.start(upstreamPort: server.imapPort!, fault: .cut(after: .marker("BODY[] {", plus: 100)))
/// defer { Task { await proxy.stop() } }
/// // connect the client to 127.0.0.1 : proxy.port
/// ```
public final class FaultProxy: Sendable {
    /// Where in the server's byte stream a fault begins.
    public enum Trigger: Sendable, Hashable {
        /// After this many bytes from the start of the connection.
        case bytes(Int)
        /// After the first occurrence of this text, plus `plus` bytes (e.g. inside a literal).
        case marker(String, plus: Int)
    }

    /// What happens to the server's bytes.
    public enum Fault: Sendable, Hashable {
        /// Nothing: a plain proxy.
        case none
        /// Forward up to the trigger, then close both sides.
        case cut(after: Trigger)
        /// Forward up to the trigger, then reset the client's connection (TCP RST: SO_LINGER 0, then close).
        case reset(after: Trigger)
        /// Forward up to the trigger, then forward nothing more (the connection stays open).
        case stall(after: Trigger)
        /// Replace `count` bytes from the trigger on with other bytes, then go on forwarding.
        case corrupt(after: Trigger, count: Int)
        /// Forward everything, `bytes` at a time, one piece every `interval`.
        case trickle(bytes: Int, interval: Duration)
    }

    /// The port the proxy listens on (127.0.0.1).
    public let port: Int
    private let serverChannel: Channel
    private let connections: ConnectionList

    private init(port: Int, serverChannel: Channel, connections: ConnectionList) {
        self.port = port
        self.serverChannel = serverChannel
        self.connections = connections
    }

    /// Starts a proxy on a free loopback port (or on `port`, e.g. to bring back one that was stopped)
    /// that forwards to `upstreamHost:upstreamPort`.
    public static func start(upstreamHost: String = "127.0.0.1", upstreamPort: Int, fault: Fault,
                             port: Int = 0) async throws -> FaultProxy {
        let connections = ConnectionList()
        let group = MultiThreadedEventLoopGroup.singleton
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.autoRead, value: false)
            .childChannelInitializer { client in
                connections.add(client)
                let upstream = ClientBootstrap(group: client.eventLoop)
                    .channelInitializer { upstreamChannel in
                        upstreamChannel.eventLoop.makeCompletedFuture {
                            try upstreamChannel.pipeline.syncOperations.addHandler(
                                ForwardHandler(peer: client, filter: FaultFilter(fault: fault, eventLoop: client.eventLoop)))
                        }
                    }
                    .connect(host: upstreamHost, port: upstreamPort)
                return upstream.flatMap { upstreamChannel in
                    connections.add(upstreamChannel)
                    return client.eventLoop.makeCompletedFuture {
                        try client.pipeline.syncOperations.addHandler(ForwardHandler(peer: upstreamChannel, filter: nil))
                        client.read()
                    }
                }
            }
            .bind(host: "127.0.0.1", port: port)
            .get()
        guard let port = server.localAddress?.port else { throw DovecotServerError(message: "proxy has no port") }
        return FaultProxy(port: port, serverChannel: server, connections: connections)
    }

    /// Stops listening and closes every proxied connection.
    public func stop() async {
        try? await serverChannel.close()
        for channel in connections.all() {
            try? await channel.close()
        }
    }
}

/// The channels of a proxy, to close them all at the end.
private final class ConnectionList: Sendable {
    private let channels = Mutex<[Channel]>([])
    func add(_ channel: Channel) { channels.withLock { $0.append(channel) } }
    func all() -> [Channel] { channels.withLock { $0 } }
}

/// Forwards what one side reads to the other side, through an optional fault filter; closes the peer
/// when its own channel closes.
private final class ForwardHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let peer: Channel
    private let filter: FaultFilter?

    init(peer: Channel, filter: FaultFilter?) {
        self.peer = peer
        self.filter = filter
    }

    func channelActive(context: ChannelHandlerContext) {
        context.read()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        if let filter {
            filter.pass(bytes, to: peer)
        } else {
            peer.writeAndFlush(bytes, promise: nil)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let filter {
            filter.closeWhenDrained(peer)
        } else {
            peer.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
        peer.close(promise: nil)
    }
}

/// Applies a ``FaultProxy/Fault`` to the server-to-client bytes of one connection.
private final class FaultFilter: Sendable {
    private struct State {
        var position = 0              // bytes of the stream seen so far
        var triggerAt: Int?           // absolute position where the fault starts, once known
        var markerTail: [UInt8] = []  // the last bytes seen, for markers cut across reads
        var stopped = false           // cut or stalled: forward nothing more
        var pendingWrites = 0         // trickled pieces not yet written
        var closeRequested = false
        var nextSendTime = NIODeadline.now()
    }

    private let fault: FaultProxy.Fault
    private let eventLoop: EventLoop
    private let state = Mutex(State())

    init(fault: FaultProxy.Fault, eventLoop: EventLoop) {
        self.fault = fault
        self.eventLoop = eventLoop
        if case .cut(.bytes(let count)) = fault { state.withLock { $0.triggerAt = count } }
        if case .stall(.bytes(let count)) = fault { state.withLock { $0.triggerAt = count } }
        if case .reset(.bytes(let count)) = fault { state.withLock { $0.triggerAt = count } }
        if case .corrupt(.bytes(let count), _) = fault { state.withLock { $0.triggerAt = count } }
    }

    func pass(_ input: ByteBuffer, to peer: Channel) {
        let bytes = Array(input.readableBytesView)
        switch fault {
        case .none:
            peer.writeAndFlush(input, promise: nil)
        case .trickle(let size, let interval):
            trickle(bytes, size: max(1, size), interval: interval, to: peer)
        case .cut(let trigger), .stall(let trigger), .reset(let trigger):
            let (forward, stop) = state.withLock { state -> ([UInt8], Bool) in
                guard !state.stopped else { return ([], false) }
                let start = state.position
                locate(trigger, in: bytes, state: &state)
                state.position += bytes.count
                guard let at = state.triggerAt, at < state.position else { return (bytes, false) }
                state.stopped = true
                return (Array(bytes.prefix(max(0, at - start))), true)
            }
            if !forward.isEmpty { peer.writeAndFlush(ByteBuffer(bytes: forward), promise: nil) }
            if stop, case .cut = fault { peer.close(promise: nil) }
            if stop, case .reset = fault {
                if let socket = peer as? SocketOptionProvider {
                    socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in peer.close(promise: nil) }
                } else {
                    peer.close(promise: nil)
                }
            }
        case .corrupt(let trigger, let count):
            let output = state.withLock { state -> [UInt8] in
                let start = state.position
                locate(trigger, in: bytes, state: &state)
                state.position += bytes.count
                guard let at = state.triggerAt else { return bytes }
                var output = bytes
                for index in output.indices {
                    let absolute = start + index
                    if absolute >= at && absolute < at + count {
                        output[index] = UInt8(truncatingIfNeeded: absolute &* 131 &+ 7) | 0x80  // never a valid CRLF
                    }
                }
                return output
            }
            peer.writeAndFlush(ByteBuffer(bytes: output), promise: nil)
        }
    }

    /// Closes the client side once trickled bytes are out (cut and stall close at once / never).
    func closeWhenDrained(_ peer: Channel) {
        if case .stall = fault { return }  // a stalled connection stays open until the client gives up
        let close = state.withLock { state -> Bool in
            state.closeRequested = true
            return state.pendingWrites == 0
        }
        if close { peer.close(promise: nil) }
    }

    private func locate(_ trigger: FaultProxy.Trigger, in bytes: [UInt8], state: inout State) {
        guard state.triggerAt == nil, case .marker(let text, let plus) = trigger else { return }
        let marker = Array(text.utf8)
        let window = state.markerTail + bytes
        let windowStart = state.position - state.markerTail.count
        if let index = firstIndex(of: marker, in: window) {
            state.triggerAt = windowStart + index + marker.count + plus
        }
        state.markerTail = Array(window.suffix(max(0, marker.count - 1)))
    }

    private func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard !marker.isEmpty, bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<start + marker.count]) == marker { return start }
        }
        return nil
    }

    private func trickle(_ bytes: [UInt8], size: Int, interval: Duration, to peer: Channel) {
        var offset = 0
        while offset < bytes.count {
            let piece = Array(bytes[offset..<min(bytes.count, offset + size)])
            offset += piece.count
            let when = state.withLock { state -> NIODeadline in
                state.pendingWrites += 1
                state.nextSendTime = max(state.nextSendTime, NIODeadline.now()) + TimeAmount.nanoseconds(
                    interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000)
                return state.nextSendTime
            }
            eventLoop.scheduleTask(deadline: when) {
                peer.writeAndFlush(ByteBuffer(bytes: piece), promise: nil)
                let close = self.state.withLock { state -> Bool in
                    state.pendingWrites -= 1
                    return state.pendingWrites == 0 && state.closeRequested
                }
                if close { peer.close(promise: nil) }
            }
        }
    }
}
