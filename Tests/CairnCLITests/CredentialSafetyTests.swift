import Foundation
import Testing
import TestSupport

/// Where a password must never show up: output at any verbosity, errors, the config file, the archive
/// (SQLite file, its WAL, the index); password files others can read are refused; a password command
/// gets no shell syntax from account fields.
@Suite("Credentials stay secret")
struct CredentialSafetyTests {
    /// A password nobody would type by chance, on a private server of its own.
    static let password = "Pw-\(UInt64.random(in: 0...UInt64.max))-sEcReT"
    static let server: Result<DovecotServer, any Error> = Result {
        var options = DovecotServer.Options()
        options.password = password
        return try DovecotServer.shared("CairnCLICredentials", options: options)
    }

    /// Every file under `path` whose bytes contain `needle` (as UTF-8, and as base64 of the usual
    /// SASL PLAIN and LOGIN forms).
    static func filesContaining(_ needle: String, under path: String) -> [String] {
        let forms = [Array(needle.utf8), Array(Data(needle.utf8).base64EncodedString().utf8)]
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            let full = path + "/" + relative
            guard let data = FileManager.default.contents(atPath: full) else { continue }
            let bytes = [UInt8](data)
            for form in forms where contains(bytes, form) { found.append(relative) }
        }
        return found
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    @Test("sync, a refused login and the commands around them never print the password, at any verbosity; nor do the config and the archive hold it",
          arguments: ["env", "file", "command"])
    func neverPrintedNorStored(_ source: String) throws {
        let server = try Self.server.get()
        let home = CLIHome()
        let secretFile = try home.file("secret", Array((Self.password + "\n").utf8))
        chmod(secretFile, 0o600)
        var credential: [String]
        switch source {
        case "env": credential = ["--password-env", "CAIRN_TEST_SECRET"]
        case "file": credential = ["--password-file", secretFile]
        default: credential = ["--password-command", "cat '\(secretFile)'"]
        }
        let environment = ["CAIRN_TEST_SECRET": Self.password]
        var outputs: [CairnProcess.Result] = []
        outputs.append(try home.run(["account", "add", "acct", "--host", server.host, "--port", String(server.imapsPort!),
                                     "--user", server.user, "--ca-file", server.caFile, "--include", "INBOX"] + credential,
                                    environment: environment))
        #expect(outputs[0].status == 0, "\(outputs[0].error)")
        try server.deliver([DovecotServer.Message(testMessage("secrets", body: "about passwords"))], to: .inbox)
        for verbosity in [[], ["-v"], ["--verbose"], ["--debug"], ["-v", "--debug"]] {
            let sync = try home.run(["sync", "--progress", "never"] + verbosity, environment: environment)
            #expect(sync.status == 0, "\(sync.error)")
            outputs.append(sync)
        }
        for command in [["account", "show", "acct"], ["account", "list"], ["stats"], ["audit"], ["verify"],
                        ["search", "--format", "json", "*"]] {
            outputs.append(try home.run(command + ["-v", "--debug"], environment: environment))
        }
        // --debug really prints the IMAP dialogue, login included (redacted), so the check above means something.
        let debugged = outputs[4].error
        #expect(debugged.contains("IMAP login") || debugged.contains("IMAP command"), "\(debugged.prefix(500))")
        // A refused login, verbose: the wrong password is not printed either.
        let wrong = "Wrong-\(UInt32.random(in: 0...UInt32.max))-Pw"
        let refusedHome = CLIHome()
        _ = try refusedHome.run(["account", "add", "acct", "--host", server.host, "--port", String(server.imapsPort!),
                                 "--user", server.user, "--ca-file", server.caFile, "--password-env", "CAIRN_TEST_SECRET"])
        let refused = try refusedHome.run(["sync", "--debug", "--progress", "never"], environment: ["CAIRN_TEST_SECRET": wrong])
        #expect(refused.status == 5, "\(refused.error)")
        #expect(!refused.error.contains(wrong) && !refused.text.contains(wrong))

        for output in outputs {
            #expect(!output.text.contains(Self.password), "printed on standard output")
            #expect(!output.error.contains(Self.password), "printed on standard error")
        }
        // The archive folder (config.toml, cairn.sqlite and its WAL, the index) holds no trace of it.
        #expect(Self.filesContaining(Self.password, under: home.path).isEmpty,
                "the password is stored in \(Self.filesContaining(Self.password, under: home.path))")
        // The search can find things in those files: the subject of the synced message is there.
        #expect(!Self.filesContaining("secrets", under: home.path).isEmpty)
    }

    @Test("a password file that others can read is refused, by account add and by sync, with what to do")
    func readableFileRefused() throws {
        let server = try Self.server.get()
        let home = CLIHome()
        let file = try home.file("open-secret", Array((Self.password + "\n").utf8))
        chmod(file, 0o644)
        let add = try home.run(["account", "add", "acct", "--host", server.host, "--port", String(server.imapsPort!),
                                "--user", server.user, "--ca-file", server.caFile, "--password-file", file])
        #expect(add.status == 2, "\(add.error)")
        #expect(add.error.contains("chmod 600"), "\(add.error)")
        // Made private to add the account, then opened up again: sync refuses to use it.
        chmod(file, 0o600)
        let added = try home.run(["account", "add", "acct", "--host", server.host, "--port", String(server.imapsPort!),
                                  "--user", server.user, "--ca-file", server.caFile, "--password-file", file])
        #expect(added.status == 0, "\(added.error)")
        for mode: mode_t in [0o640, 0o604] {
            chmod(file, mode)
            let sync = try home.run(["sync", "--progress", "never"])
            #expect(sync.status != 0)
            #expect(sync.error.contains("chmod 600"), "\(sync.error)")
            #expect(sync.error.contains("acct"))
            #expect(!sync.error.contains(Self.password))
        }
    }

    @Test("a --password-command gets no shell syntax from the account's fields")
    func noInjectionFromFields() throws {
        let server = try Self.server.get()
        let home = CLIHome()
        let marks = home.root.appendingPathComponent("marks").path
        try FileManager.default.createDirectory(atPath: marks, withIntermediateDirectories: true)
        let seen = home.root.appendingPathComponent("seen-user").path
        let hostile = "u$(touch \(marks)/a)`touch \(marks)/b`;touch \(marks)/c|touch \(marks)/d&&touch \(marks)/e'\"\\"
        // The command prints the password and records the user it was given, as data.
        let command = "printf '%s' \"$CAIRN_USER\" > '\(seen)'; echo '\(Self.password)'"
        let add = try home.run(["account", "add", "evil;$(touch \(marks)/f)", "--host", server.host,
                                "--port", String(server.imapsPort!), "--user", hostile, "--ca-file", server.caFile,
                                "--password-command", command])
        if add.status != 0 {
            // Refusing such a name is fine too; the user field alone must still be carried as data.
            let plain = try home.run(["account", "add", "evil", "--host", server.host, "--port", String(server.imapsPort!),
                                      "--user", hostile, "--ca-file", server.caFile, "--password-command", command])
            #expect(plain.status == 0, "\(plain.error)")
        }
        let sync = try home.run(["sync", "--progress", "never"])
        #expect(sync.status == 5, "the login fails (no such user): \(sync.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: marks).isEmpty, "an account field ran as shell code")
        #expect(FileManager.default.contents(atPath: seen).map { String(decoding: $0, as: UTF8.self) } == hostile,
                "the command should get the user, unchanged, in CAIRN_USER")
    }
}
