import MailModel
import Testing

@Suite struct GlobTests {
    @Test(arguments: [
        ("INBOX", "INBOX", true),
        ("INBOX", "inbox", true),
        ("inbox", "INBOX", true),
        ("Archive/*", "Archive/2024", true),
        ("Archive/*", "Archive/2024/Q1", true),
        ("Archive/*", "Archive", false),
        ("*", "Sent Items", true),
        ("Sent?Items", "Sent Items", true),
        ("Sent", "Sent Items", false),
        ("[A-C]*", "Bills", true),
        ("[!A-C]*", "Bills", false),
        ("*.pdf", "report.pdf", true),
        ("*.pdf", "report.pdf.exe", false),
        ("Entw*rfe", "Entwürfe", true),
        ("a[b", "a[b", true),
        ("**x", "yx", true),
    ])
    func matches(pattern: String, name: String, expected: Bool) {
        #expect(Glob(pattern).matches(name) == expected, "\(pattern) vs \(name)")
    }

    @Test func wildcardDetection() {
        #expect(Glob("Archive/*").hasWildcard)
        #expect(!Glob("INBOX").hasWildcard)
    }
}
