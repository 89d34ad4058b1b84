@testable import IMAPClient
import Testing

@Suite("Host name matching (RFC 6125)")
struct HostnameVerificationTests {
    @Test(arguments: [
        ("imap.example.com", "imap.example.com", true),
        ("IMAP.Example.COM", "imap.example.com", true),
        ("*.example.com", "imap.example.com", true),
        ("*.example.com", "example.com", false),
        ("*.example.com", "a.b.example.com", false),
        ("*.example.com", "imap.example.org", false),
        ("imap.example.com", "mail.example.com", false),
        ("localhost", "localhost", true),
    ])
    func matching(_ pattern: String, _ host: String, _ expected: Bool) {
        #expect(HostnameVerification.matches(pattern: pattern.lowercased(), host: host.lowercased()) == expected)
    }
}
