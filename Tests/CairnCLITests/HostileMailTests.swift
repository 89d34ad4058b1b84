import Foundation
import Testing
import TestSupport

/// Hostile messages through `cairn import`, `show` and `attachments`: MIME bombs are archived byte for
/// byte in bounded time and memory, decoded as far as is safe; attachment names never leave the folder.
@Suite("Hostile mail through the cairn binary")
struct HostileMailTests {
    /// One hostile message and what makes it hostile.
    struct Bomb: CustomStringConvertible, Sendable {
        var description: String
        var bytes: @Sendable () -> [UInt8]
    }

    static let header = "From: Mallory <mallory@evil.example>\r\nTo: bob@example.org\r\nDate: Fri, 01 Mar 2024 09:30:00 +0000\r\n"

    static let bombs: [Bomb] = [
        Bomb(description: "multiparts nested 5,000 deep") {
            var text = header + "Subject: deep\r\nMIME-Version: 1.0\r\n"
            for level in 0..<5_000 { text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n--b\(level)\r\n" }
            text += "Content-Type: text/plain\r\n\r\nthe bottom\r\n"
            for level in (0..<5_000).reversed() { text += "--b\(level)--\r\n" }
            return Array(text.utf8)
        },
        Bomb(description: "message/rfc822 nested 3,000 deep") {
            var text = ""
            for _ in 0..<3_000 { text += header + "Subject: wrapped\r\nContent-Type: message/rfc822\r\n\r\n" }
            text += header + "Subject: core\r\n\r\nthe core\r\n"
            return Array(text.utf8)
        },
        Bomb(description: "20,000 parts") {
            var text = header + "Subject: many parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
            for index in 0..<20_000 { text += "--x\r\nContent-Type: text/plain\r\n\r\npart \(index)\r\n" }
            return Array((text + "--x--\r\n").utf8)
        },
        Bomb(description: "a 4 MB header line") {
            Array((header + "Subject: " + String(repeating: "long ", count: 800_000) + "\r\n\r\nbody\r\n").utf8)
        },
        Bomb(description: "100,000 header fields") {
            var text = header + "Subject: many fields\r\n"
            for index in 0..<100_000 { text += "X-Field-\(index): value\r\n" }
            return Array((text + "\r\nbody\r\n").utf8)
        },
        Bomb(description: "3 MB of base64 garbage") {
            var random = SeededRandom(seed: 7)
            var text = Array((header + "Subject: garbage\r\nMIME-Version: 1.0\r\nContent-Type: application/octet-stream; name=g.bin\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=g.bin\r\n\r\n").utf8)
            for index in 0..<3_000_000 {
                text.append(index % 77 == 76 ? 10 : UInt8.random(in: 0...255, using: &random))
            }
            return text
        },
        Bomb(description: "200,000 encoded-words in a subject") {
            var text = header + "Subject: "
            for index in 0..<200_000 { text += index % 2 == 0 ? "=?utf-8?q?a=C3=A9?= " : "=?iso-8859-1?b?6Q==?= " }
            return Array((text + "\r\n\r\nbody\r\n").utf8)
        },
        Bomb(description: "an unterminated encoded-word 2 MB long") {
            Array((header + "Subject: =?utf-8?q?" + String(repeating: "=41", count: 700_000) + "\r\n\r\nbody\r\n").utf8)
        },
    ]

    @Test("a MIME bomb is archived byte for byte, in bounded time and memory; show and verify work", arguments: bombs)
    func bomb(_ bomb: Bomb) throws {
        let home = CLIHome()
        let bytes = bomb.bytes()
        let path = try home.file("bomb.eml", bytes)
        let clock = ContinuousClock()
        let started = clock.now
        let imported = try home.run(["import", "eml", path, "--progress", "never"], measuringMemory: true)
        let took = (clock.now - started).seconds
        #expect(imported.status == 0, "\(bomb): \(imported.error)")
        #expect(took < 30, "\(bomb): import took \(took) s")
        #expect(imported.maxResidentKiB < 400 * 1024, "\(bomb): \(imported.maxResidentKiB) KiB")
        let ids = try home.run(["search", "--format", "ids", "*"])
        let id = ids.text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 64, "\(bomb): \(ids.text) \(ids.error)")
        let raw = try home.run(["show", id, "--raw"])
        #expect(raw.status == 0)
        #expect(raw.output == bytes, "\(bomb): the archived bytes differ")
        for view in [["--format", "json"], ["--text"]] {
            let started = clock.now
            let shown = try home.run(["show", id] + view, measuringMemory: true)
            #expect(shown.status == 0, "\(bomb) \(view): \(shown.error)")
            #expect((clock.now - started).seconds < 30)
            #expect(shown.maxResidentKiB < 400 * 1024, "\(bomb) \(view): \(shown.maxResidentKiB) KiB")
        }
        let verified = try home.run(["verify"])
        #expect(verified.status == 0, "\(bomb): \(verified.text)\(verified.error)")
    }

    /// Attachment names that try to leave the output folder, each in its own part.
    static let hostileNames = [
        "filename=\"../../escaped-1.txt\"",
        "filename=\"/tmp/absolute-escape-\(getpid()).txt\"",
        "filename=\"..\\\\..\\\\escaped-2.txt\"",
        "filename*=utf-8''..%2F..%2Fescaped-3.txt",
        "filename=\"=?utf-8?q?..=2F..=2Fescaped-4.txt?=\"",
        "filename=\"sub/dir/../../../escaped-5.txt\"",
        "filename=\"..\"",
        "filename=\".\"",
        "filename=\"\"",
        "filename=\"con\u{1}trol\u{7f}.txt\"",
        "filename=\"" + String(repeating: "n", count: 5_000) + ".txt\"",
        "filename*0=\"../\"; filename*1=\"../escaped-6.txt\"",
    ]

    @Test("attachment names that try to escape: every file lands inside the --out folder, none overwritten")
    func attachmentNamesStayInside() throws {
        let home = CLIHome()
        var text = Self.header + "Subject: escaping names\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"z\"\r\n\r\n"
        for (index, name) in Self.hostileNames.enumerated() {
            text += "--z\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; \(name)\r\n\r\npayload \(index)\r\n"
        }
        text += "--z--\r\n"
        let path = try home.file("names.eml", Array(text.utf8))
        #expect(try home.run(["import", "eml", path, "--progress", "never"]).status == 0)
        let id = try home.run(["search", "--format", "ids", "*"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        // The output folder is two levels down, so that ../../ would land in a folder the test watches.
        let watched = home.root.appendingPathComponent("watched")
        let out = watched.appendingPathComponent("a/out")
        try FileManager.default.createDirectory(at: watched.appendingPathComponent("a"), withIntermediateDirectories: true)
        for round in 0..<2 {   // twice: the second round must not overwrite the first
            let saved = try home.run(["attachments", id, "--out", out.path])
            #expect(saved.status == 0, "round \(round): \(saved.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: watched.path) == ["a"], "something escaped into \(watched.path)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: watched.appendingPathComponent("a").path) == ["out"])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute-escape-\(getpid()).txt"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.count == 2 * Self.hostileNames.count, "\(files)")
        var payloads: [String] = []
        for file in files {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path, isDirectory: &isFolder) && !isFolder.boolValue)
            #expect(!file.contains("/") && !file.hasPrefix(".") && file.utf8.count <= 255, "unsafe name \(file)")
            #expect(!file.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, "control character in \(file)")
            payloads.append(String(decoding: FileManager.default.contents(atPath: out.appendingPathComponent(file).path) ?? Data(), as: UTF8.self))
        }
        #expect(Set(payloads) == Set(Self.hostileNames.indices.map { "payload \($0)" }))
    }
}
