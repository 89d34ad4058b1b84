import NIOCore
import NIOPosix
import NIOSSL

/// Opens the TCP (and, for IMAPS, TLS) channel of a connection.
enum Connector {
    /// The TLS context for a configuration; `verify: false` only for diagnosing a refused certificate.
    static func sslContext(_ configuration: IMAPConfiguration, verify: Bool = true) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = verify ? .fullVerification : .none
        switch configuration.tls.trust {
        case .system: tls.trustRoots = .default
        case .caFile(let path): tls.trustRoots = .file(path)
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            if case .caFile = configuration.tls.trust {
                throw IMAPError(.tls, "the CA file could not be read as PEM certificates")
            }
            throw IMAPError(.tls, "TLS could not be set up (\(error))")
        }
    }

    /// The name the certificate must carry, or nil to match the peer's IP address (no SNI for addresses).
    static func serverHostname(_ configuration: IMAPConfiguration) -> String? {
        let name = configuration.tls.serverName ?? configuration.host
        if (try? SocketAddress(ipAddress: name, port: 0)) != nil { return nil }
        return name
    }

    /// Connects; with `tls` the TLS handler is in place from the first byte.
    static func connect(_ configuration: IMAPConfiguration, tls: NIOSSLContext?) async throws
        -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        let hostname = serverHostname(configuration)
        let timeout = TimeAmount.nanoseconds(Int64(configuration.timeouts.connect.components.seconds) * 1_000_000_000
            + configuration.timeouts.connect.components.attoseconds / 1_000_000_000)
        do {
            return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(timeout)
                .channelOption(ChannelOptions.socketOption(.so_keepalive), value: 1)
                .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
                .connect(host: configuration.host, port: configuration.effectivePort) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(
                                NIOSSLClientHandler(context: tls, serverHostname: hostname))
                        }
                        try channel.pipeline.syncOperations.addHandler(WakeupHandler())
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel,
                            configuration: .init(backPressureStrategy: .init(lowWatermark: 2, highWatermark: 8)))
                    }
                }
        } catch {
            throw TransportErrors.map(error, host: configuration.host)
        }
    }
}
