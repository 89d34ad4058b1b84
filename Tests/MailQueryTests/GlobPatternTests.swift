import MailQuery
import Testing

@Suite("GlobPattern")
struct GlobPatternTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        let pattern: String
        let name: String
        let matches: Bool
        var caseInsensitive = false
        var testDescription: String { "\(pattern) ~ \(name)" }
    }

    static let fixtures: [Fixture] = [
        Fixture(pattern: "INBOX", name: "INBOX", matches: true),
        Fixture(pattern: "INBOX", name: "INBOX/Sub", matches: false),
        Fixture(pattern: "INBOX", name: "inbox", matches: false),
        Fixture(pattern: "INBOX", name: "inbox", matches: true, caseInsensitive: true),
        Fixture(pattern: "Archive/*", name: "Archive/2024", matches: true),
        Fixture(pattern: "Archive/*", name: "Archive/2024/Q1", matches: true),
        Fixture(pattern: "Archive/*", name: "Archive", matches: false),
        Fixture(pattern: "*", name: "", matches: true),
        Fixture(pattern: "*.pdf", name: "report.pdf", matches: true),
        Fixture(pattern: "*.pdf", name: "report.pdf.exe", matches: false),
        Fixture(pattern: "*a*b*c", name: "xxaxxbxxc", matches: true),
        Fixture(pattern: "*a*b*c", name: "xxaxxcxxb", matches: false),
        Fixture(pattern: "?", name: "é", matches: true),
        Fixture(pattern: "??", name: "é", matches: false),
        Fixture(pattern: "r?port", name: "report", matches: true),
        Fixture(pattern: "a\\*b", name: "a*b", matches: true),
        Fixture(pattern: "a\\*b", name: "axb", matches: false),
        Fixture(pattern: "**x", name: "x", matches: true),
        Fixture(pattern: "Sent Items", name: "sent items", matches: true, caseInsensitive: true),
    ]

    @Test(arguments: fixtures)
    func matches(_ fixture: Fixture) {
        #expect(GlobPattern(fixture.pattern).matches(fixture.name, caseInsensitive: fixture.caseInsensitive) == fixture.matches)
    }

    @Test func parts() {
        #expect(GlobPattern("Archive/20*").literalPrefix == "Archive/20")
        #expect(GlobPattern("a\\*b").literal == "a*b")
        #expect(GlobPattern("a\\*b").hasWildcards == false)
        #expect(GlobPattern("a?b").hasWildcards)
        #expect(GlobPattern("*x").literalPrefix == "")
    }
}
