import NIOCore
import NIOSSL

/// A stricter host name check than NIOSSL's own, which also accepts a certificate naming the peer's IP
/// address: when the configured name is a DNS name, the certificate must name it (RFC 6125 6.4).
enum HostnameVerification {
    /// Whether the certificate carries `host` among its DNS names (or, without any, as its common name);
    /// a wildcard stands for exactly one leftmost label.
    static func certificate(_ certificate: NIOSSLCertificate, names host: String) -> Bool {
        let wanted = host.lowercased().hasSuffix(".") ? String(host.lowercased().dropLast()) : host.lowercased()
        var dnsNames: [String] = []
        for name in certificate._subjectAlternativeNames() where name.nameType == .dnsName {
            dnsNames.append(name.contents.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
        }
        if dnsNames.isEmpty {
            dnsNames = certificate.subjectName.filter { $0.type == .commonName }.map(\.value)
        }
        return dnsNames.contains { matches(pattern: $0.lowercased(), host: wanted) }
    }

    static func matches(pattern: String, host: String) -> Bool {
        guard pattern.hasPrefix("*.") else { return pattern == host }
        let suffix = pattern.dropFirst(1)  // ".example.com"
        guard host.hasSuffix(suffix), let firstDot = host.firstIndex(of: ".") else { return false }
        // The wildcard covers one whole label, never an empty one, never a dot.
        return host[firstDot...] == suffix && firstDot > host.startIndex
    }
}
