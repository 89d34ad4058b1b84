@testable import Archive
import Foundation
import Testing

@Suite struct CairnConfigTests {
    static let sample = CairnConfig(accounts: [
        AccountConfig(name: "work", host: "imap.example.org", user: "ann@example.org",
                      credential: .passwordCommand("pass show \"mail/work\""), include: ["INBOX", "Réunions/*"],
                      exclude: ["Trash"], caFile: "/etc/ca.pem"),
        AccountConfig(name: "home.old", host: "127.0.0.1", port: 10143, security: .none, user: "u",
                      credential: .passwordEnvironment("PW"), allowInsecure: true),
    ])

    @Test func roundTrip() throws {
        let text = CairnConfigTests.sample.toml
        #expect(try CairnConfig(toml: text) == CairnConfigTests.sample)
        #expect(text.contains("password_command = \"pass show \\\"mail/work\\\"\""))
        #expect(!text.contains("password ="))
    }

    @Test func defaultsAndComments() throws {
        let config = try CairnConfig(toml: """
            # mine
            [accounts.a]   # first
            host = 'h'
            user = "u"
            password_file = "/p"
            """)
        let account = try #require(config.account(named: "a"))
        #expect(account.port == 993)
        #expect(account.security == .tls)
        #expect(account.credential == .passwordFile("/p"))
        #expect(account.include.isEmpty)
    }

    @Test(arguments: [
        ("[accounts.a]\nhost = h\n", "line 2"),
        ("[accounts.a]\nhost = \"h\"\nuser = \"u\"\n", "exactly one of"),
        ("[accounts.a]\nhost = \"h\"\nuser = \"u\"\npassword_env = \"X\"\nport = 70000\n", "'port'"),
        ("[accounts.a]\nhost = \"h\"\nuser = \"u\"\npassword_env = \"X\"\ncolour = \"red\"\n", "unknown key 'colour'"),
        ("[other]\nx = 1\n", "unknown table"),
        ("[accounts.a]\nhost = \"h\nuser = \"u\"\n", "not closed"),
        ("[accounts.a]\nhost = \"h\"\nhost = \"i\"\n", "given twice"),
    ])
    func errorsSayWhere(text: String, expected: String) {
        do {
            _ = try CairnConfig(toml: text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func folderSelection() {
        let account = CairnConfigTests.sample.accounts[0]
        #expect(account.selects(folder: "INBOX"))
        #expect(account.selects(folder: "Réunions/2024"))
        #expect(!account.selects(folder: "Sent"))
        #expect(!account.selects(folder: "Trash"))
        let all = CairnConfigTests.sample.accounts[1]
        #expect(all.selects(folder: "Anything/At/All"))
    }

    @Test func fileIsPrivateAndReplacedAtomically() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let file = ConfigFile(home: home)
        #expect(try file.load() == CairnConfig())
        try file.save(CairnConfigTests.sample)
        #expect(try file.load() == CairnConfigTests.sample)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: home.path)
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
