import NIOCore
import NIOSSL

#if canImport(Glibc)
import Glibc
#endif

/// Finds out why a certificate was refused, by looking at it over a second, unverified connection that
/// sends nothing but (for STARTTLS) the upgrade and never logs in.
enum TLSDiagnosis {
    /// The message before diagnosis.
    static let certificateNotTrusted = "the server's certificate is not trusted"

    /// A plain explanation (expired, not yet valid, self-signed, unknown authority), or nil when the
    /// certificate could not be looked at.
    static func explain(_ configuration: IMAPConfiguration) async -> String? {
        guard let certificate = try? await peerCertificate(configuration) else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let hint = trustHint(configuration)
        if certificate.notValidAfter < now.tv_sec {
            return "the server's certificate expired on \(day(certificate.notValidAfter))"
        }
        if certificate.notValidBefore > now.tv_sec {
            return "the server's certificate is not valid before \(day(certificate.notValidBefore))"
        }
        if certificate.subjectName == certificate.issuerName {
            return "the server's certificate is self-signed and not trusted\(hint)"
        }
        return "the server's certificate was issued by an authority that is not trusted\(hint)"
    }

    private static func trustHint(_ configuration: IMAPConfiguration) -> String {
        switch configuration.tls.trust {
        case .system: return " (if you trust it, give its CA certificate as a CA file)"
        case .caFile: return " by the given CA file"
        }
    }

    private static func day(_ time: time_t) -> String {
        var value = time
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : String(number) }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))"
    }

    private static func peerCertificate(_ configuration: IMAPConfiguration) async throws -> NIOSSLCertificate? {
        var quick = configuration
        quick.timeouts.connect = .seconds(10)
        let context = try Connector.sslContext(configuration, verify: false)
        let implicit = configuration.security == .implicitTLS
        let channel = try await Connector.connect(quick, tls: implicit ? context : nil)
        return try await channel.executeThenClose { inbound, outbound in
            let transport = Transport(channel: channel.channel, inbound: inbound, outbound: outbound, host: configuration.host)
            let deadline = NIODeadline.now() + .seconds(10)
            if !implicit {
                _ = try await readLine(transport, deadline: deadline, prefix: "* ")
                try await transport.write(ByteBuffer(string: "d1 STARTTLS\r\n"))
                _ = try await readLine(transport, deadline: deadline, prefix: "d1 OK")
                try await transport.startTLS(context: context, serverHostname: Connector.serverHostname(configuration))
                try await transport.write(ByteBuffer(string: "d2 NOOP\r\n"))  // bytes back = handshake done
            }
            _ = try await transport.read(deadline: deadline)  // the handshake is done once bytes arrive
            return try await channel.channel.nioSSL_peerCertificate().get()
        }
    }

    private static func readLine(_ transport: Transport, deadline: NIODeadline, prefix: String) async throws -> Bool {
        var text = ""
        while !text.contains("\r\n") {
            guard let bytes = try await transport.read(deadline: deadline) else { return false }
            text += String(decoding: bytes.readableBytesView, as: UTF8.self)
        }
        return text.hasPrefix(prefix)
    }
}
