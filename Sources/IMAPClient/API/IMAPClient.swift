import IMAPProtocol
import Logging
import NIOCore
import NIOSSL

/// Opens IMAP sessions with a scoped lifetime.
///
/// ```swift
/// let count = try await IMAPClient.withConnection(configuration, logger: logger) { connection in
///     try await connection.select(.inbox).exists
/// }
/// ```
public enum IMAPClient {
    /// Connects, secures, logs in, runs `body` with the session, then logs out and closes, also when
    /// `body` throws. Errors are ``IMAPError``s (or the body's own).
    ///
    /// `body` runs outside any actor: the connection is not `Sendable` and stays in the task that opened
    /// it. An actor calls this and stores what `body` returns:
    /// `counts = try await IMAPClient.withConnection(configuration, logger: logger) { try await ... }`.
    public static func withConnection<Result>(
        _ configuration: IMAPConfiguration,
        logger: Logger,
        _ body: (IMAPConnection) async throws -> sending Result
    ) async throws -> sending Result {
        let tlsContext: NIOSSLContext?
        switch configuration.security {
        case .implicitTLS:
            tlsContext = try Connector.sslContext(configuration)
        case .startTLS:
            tlsContext = nil
        case .plaintext(let allowInsecure):
            guard allowInsecure else {
                throw IMAPError(.tls, "plaintext IMAP would send the password unencrypted; use IMAPS or STARTTLS, or allow plaintext explicitly")
            }
            tlsContext = nil
        }
        var log = logger
        log[metadataKey: "imap.host"] = "\(configuration.host)"
        log.debug("IMAP connecting", metadata: ["imap.port": "\(configuration.effectivePort)"])
        let channel = try await Connector.connect(configuration, tls: tlsContext)
        do {
            return try await channel.executeThenClose { inbound, outbound in
                let transport = Transport(channel: channel.channel, inbound: inbound, outbound: outbound, host: configuration.host)
                let connection = IMAPConnection(configuration: configuration, logger: log, transport: transport)
                try await connection.establish(tlsFromStart: tlsContext != nil)
                let result: Result
                do {
                    result = try await body(connection)
                } catch {
                    await connection.closeQuietly()
                    throw error
                }
                await connection.logout()
                return result
            }
        } catch let error as IMAPError where error.category == .tls && error.message == TLSDiagnosis.certificateNotTrusted {
            throw IMAPError(.tls, await TLSDiagnosis.explain(configuration) ?? error.message)
        }
    }
}

