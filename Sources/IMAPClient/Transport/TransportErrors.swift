import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// Turns NIO, socket and TLS errors into ``IMAPError``s in plain words.
enum TransportErrors {
    static func map(_ error: Error, host: String) -> Error {
        if error is IMAPError || error is CancellationError { return error }
        if let sslError = error as? NIOSSLError, case .uncleanShutdown = sslError {
            return IMAPError(.connection, "the connection was cut off")
        }
        if let tls = tlsMessage(error, host: host) { return IMAPError(.tls, tls) }
        if let channelError = error as? ChannelError {
            switch channelError {
            case .connectTimeout:
                return IMAPError(.timeout, "connecting to the server timed out")
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed, .inputClosed:
                return IMAPError(.connection, "the connection was closed")
            default:
                return IMAPError(.connection, "the connection failed (\(channelError))")
            }
        }
        if let ioError = error as? IOError {
            switch ioError.errnoCode {
            case ECONNREFUSED: return IMAPError(.connection, "the server refused the connection (nothing listens on that port)")
            case ECONNRESET, EPIPE: return IMAPError(.connection, "the connection was reset")
            case ETIMEDOUT: return IMAPError(.timeout, "the connection timed out")
            case ENETUNREACH, EHOSTUNREACH: return IMAPError(.connection, "the server cannot be reached")
            default: return IMAPError(.connection, "the connection failed (\(ioError.description))")
            }
        }
        if error is NIOConnectionError || String(describing: type(of: error)).contains("Resolution") {
            return IMAPError(.connection, "could not connect to the server (\(String(describing: error)))")
        }
        return IMAPError(.connection, "the connection failed (\(String(describing: type(of: error))))")
    }

    /// A plain description of a TLS failure, or nil when the error is not about TLS.
    static func tlsMessage(_ error: Error, host: String) -> String? {
        if let extra = error as? NIOSSLExtraError {
            if extra == .failedToValidateHostname {
                return "the server's certificate is not valid for \(host) (it names another host)"
            }
            return "TLS failed (\(extra.description))"
        }
        guard let sslError = error as? NIOSSLError else { return nil }
        switch sslError {
        case .handshakeFailed(let inner):
            let text = String(describing: inner)
            if text.contains("CERTIFICATE_VERIFY_FAILED") {
                return TLSDiagnosis.certificateNotTrusted
            }
            if text.contains("WRONG_VERSION_NUMBER") || text.contains("UNSUPPORTED_PROTOCOL") {
                return "TLS handshake failed: the server does not speak TLS on this port, or only an outdated version"
            }
            return "TLS handshake failed (no protocol version or cipher in common, or the server hung up)"
        default:
            return "TLS failed (\(sslError))"
        }
    }
}
