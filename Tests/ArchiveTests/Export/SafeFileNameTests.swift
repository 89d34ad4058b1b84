@testable import Archive
import Testing

@Suite struct SafeFileNameTests {
    @Test(arguments: [
        ("../../x", "x"),
        ("/etc/passwd", "passwd"),
        ("C:\\temp\\evil.bat", "evil.bat"),
        ("..", "fallback"),
        (".hidden", "hidden"),
        ("con.txt", "_con.txt"),
        ("NUL", "_NUL"),
        ("line\nbreak\r.txt", "linebreak.txt"),
        ("b:c*d?.pdf", "b_c_d_.pdf"),
        ("", "fallback"),
        ("résumé.pdf", "résumé.pdf"),
        ("evil\u{202E}fdp.exe", "evilfdp.exe"),
    ])
    func sanitises(input: String, expected: String) {
        #expect(SafeFileName.sanitize(input, fallback: "fallback") == expected)
    }

    @Test func neverAPathOrTooLong() {
        let long = String(repeating: "é", count: 400) + ".pdf"
        let safe = SafeFileName.sanitize(long, fallback: "f")
        #expect(safe.utf8.count <= SafeFileName.maximumBytes)
        #expect(safe.hasSuffix(".pdf"))
        for hostile in ["a/../../b", "/", "./.", "\u{0}", "x/y/z"] {
            let name = SafeFileName.sanitize(hostile, fallback: "f")
            #expect(!name.contains("/") && name != "." && name != ".." && !name.hasPrefix("."), "\(hostile) -> \(name)")
        }
    }

    @Test func uniqueNamesGetASuffix() {
        var taken: Set<String> = ["report.pdf", "report (2).pdf"]
        let name = SafeFileName.unique("report.pdf") { taken.contains($0) }
        #expect(name == "report (3).pdf")
        taken.insert(name)
        #expect(SafeFileName.unique("notes") { taken.contains($0) } == "notes")
        #expect(SafeFileName.unique("README") { $0 == "README" } == "README (2)")
    }

    @Test("a name at the length limit still gets a distinct suffix (it looped forever before)")
    func uniqueAtTheLengthLimit() {
        let full = SafeFileName.sanitize(String(repeating: "n", count: 5_000) + ".txt", fallback: "f")
        #expect(full.utf8.count == SafeFileName.maximumBytes)
        var taken: Set<String> = [full]
        for _ in 0..<3 {
            let next = SafeFileName.unique(full) { taken.contains($0) }
            #expect(!taken.contains(next))
            #expect(next.utf8.count <= SafeFileName.maximumBytes && next.hasSuffix(").txt"))
            taken.insert(next)
        }
    }
}
