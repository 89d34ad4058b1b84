import Foundation
import MailStore
import TestSupport
import Testing

@Suite("cairn import")
struct ImportCommandTests {
    @Test("a Maildir++ tree is imported: a summary, exit 0, every message counted once")
    func maildir() throws {
        let shared = try SharedCLIArchive.get()
        #expect(shared.importResult.status == 0, "\(shared.importResult.error)")
        #expect(shared.importResult.text.contains("new:"))
        let count = try shared.run(["count"])
        #expect(count.text == "\(shared.corpus.truth.messages.count)\n")
    }

    @Test("eml - reads one message from standard input, kept byte for byte")
    func standardInput() throws {
        let home = CLIHome()
        let bytes = testMessage("From stdin", body: "snorkelwax\r\nsecond line")
        let imported = try home.run(["import", "eml", "-", "--folder", "Piped"], input: bytes)
        #expect(imported.status == 0, "\(imported.error)")
        let ids = try home.run(["search", "snorkelwax", "folder:Piped", "--format", "ids"])
        #expect(ids.status == 0)
        let id = ids.text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 64)
        let raw = try home.run(["show", String(id.prefix(10)), "--raw"])
        #expect(raw.output == bytes)
    }

    @Test("some inputs fail: the rest is imported, each failure is listed, exit 3")
    func partial() throws {
        let home = CLIHome()
        let good = try home.file("mail/good.eml", testMessage("Good one", body: "wibblequark"))
        let missing = home.root.appendingPathComponent("mail/nowhere.eml").path
        let result = try home.run(["import", "eml", good, missing, "--progress", "never"])
        #expect(result.status == 3)
        #expect(result.error.contains("nowhere.eml"))
        #expect(try home.run(["count", "wibblequark"]).text == "1\n")
    }

    @Test("standard input is for eml only: bad usage, exit 2")
    func badUsage() throws {
        let home = CLIHome()
        #expect(try home.run(["import", "mbox", "-"]).status == 2)
        #expect(try home.run(["import", "tarball", "x"]).status == 2)
    }

    @Test("a second writer waits for the lock, then exits 6")
    func secondWriter() throws {
        let home = CLIHome()
        let file = try home.file("one.eml", testMessage("Locked", body: "text"))
        let holder = try MailStore.open(at: URL(fileURLWithPath: home.path))
        defer { try? holder.close() }
        let started = ContinuousClock.now
        let result = try home.run(["import", "eml", file], environment: ["CAIRN_LOCK_TIMEOUT": "1"])
        let waited = ContinuousClock.now - started
        #expect(result.status == 6)
        #expect(result.error.contains("locked"))
        #expect(waited >= .milliseconds(900))
        // Readers never wait for a writer.
        #expect(try home.run(["count"]).status == 0)
    }
}
