import Foundation
import Testing

/// `cairn inspect` through the binary: one file, several files, a file that cannot be read.
@Suite("cairn inspect")
struct InspectCommandTests {
    static func message(_ subject: String, _ body: String) -> [UInt8] {
        Array("From: Ann <ann@example.org>\r\nSubject: =?UTF-8?Q?\(subject)?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n".utf8)
    }

    @Test("one file prints one JSON object; several print one object per line, in order")
    func jsonOfOneAndMany() throws {
        let home = CLIHome()
        let first = try home.file("a.eml", Self.message("Caf=C3=A9", "first body"))
        let second = try home.file("b.eml", Self.message("Second", "second body"))
        let one = try home.run(["inspect", "--format", "json", first])
        #expect(one.status == 0, "\(one.error)")
        let object = try JSONSerialization.jsonObject(with: Data(one.output)) as? [String: Any]
        #expect(object?["subject"] as? String == "Café")

        let many = try home.run(["inspect", "--format", "json", first, second, first])
        #expect(many.status == 0, "\(many.error)")
        let lines = many.text.split(separator: "\n")
        #expect(lines.count == 3)
        let subjects = try lines.map { line in
            (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["subject"] as? String
        }
        #expect(subjects == ["Café", "Second", "Café"])
    }

    @Test("text output heads each of several files with its name")
    func textOfMany() throws {
        let home = CLIHome()
        let first = try home.file("a.eml", Self.message("One", "alpha"))
        let second = try home.file("b.eml", Self.message("Two", "beta"))
        let result = try home.run(["inspect", first, second])
        #expect(result.status == 0, "\(result.error)")
        let text = result.text
        let headings = [first, second].compactMap { text.range(of: "==> \($0) <==")?.lowerBound }
        #expect(headings.count == 2 && headings[0] < headings[1])
        #expect(text.contains("alpha") && text.contains("beta"))
    }

    @Test("a file that cannot be read is named, the others are decoded, exit 3; alone it is exit 1")
    func unreadableFile() throws {
        let home = CLIHome()
        let good = try home.file("good.eml", Self.message("Fine", "body"))
        let missing = home.root.appendingPathComponent("missing.eml").path
        let result = try home.run(["inspect", "--format", "json", missing, good])
        #expect(result.status == 3)
        #expect(result.error.contains(missing))
        #expect(result.text.split(separator: "\n").count == 1)
        let alone = try home.run(["inspect", missing])
        #expect(alone.status == 1)
        #expect(alone.error.contains(missing))
        let mixed = try home.run(["inspect", good, "-"])
        #expect(mixed.status == 2)
    }
}
