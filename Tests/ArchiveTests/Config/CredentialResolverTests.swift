import Archive
import Foundation
import Testing

@Suite struct CredentialResolverTests {
    private func account(_ credential: CredentialSource, user: String = "ann") -> AccountConfig {
        AccountConfig(name: "t", host: "h.example", user: user, credential: credential)
    }

    private func temporaryFile(_ text: String, mode: mode_t) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-pw-\(UUID().uuidString)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
        return path
    }

    @Test func environment() throws {
        let secret = try CredentialResolver().secret(for: account(.passwordEnvironment("CAIRN_T_PW")), environment: ["CAIRN_T_PW": "s3cret"])
        #expect(secret.value == "s3cret")
        #expect(secret.kind == .password)
        #expect("\(secret)" == "<redacted>")
        #expect(!String(reflecting: secret).contains("s3cret"))
        #expect(throws: CredentialResolver.Error.self) {
            try CredentialResolver().secret(for: account(.passwordEnvironment("CAIRN_T_PW")), environment: [:])
        }
    }

    @Test func passwordFileMustBePrivate() throws {
        let open = try temporaryFile("hunter2\nsecond line\n", mode: 0o644)
        defer { unlink(open) }
        do {
            _ = try CredentialResolver().secret(for: account(.passwordFile(open)))
            Issue.record("a world-readable password file was accepted")
        } catch let error as CredentialResolver.Error {
            #expect(error.description.contains("chmod 600"))
            #expect(!error.description.contains("hunter2"))
        }
        chmod(open, 0o600)
        #expect(try CredentialResolver().secret(for: account(.passwordFile(open))).value == "hunter2")
    }

    @Test func commandGetsNoInjectionFromAccountFields() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-injected-\(UUID().uuidString)").path
        let hostile = account(.passwordCommand("printf '%s' \"$CAIRN_USER\""), user: "x; touch \(marker); echo $(touch \(marker))")
        let secret = try CredentialResolver().secret(for: hostile)
        #expect(secret.value == hostile.user)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func commandFailuresAreClear() throws {
        #expect(throws: CredentialResolver.Error.self) {
            try CredentialResolver().secret(for: account(.passwordCommand("exit 3")))
        }
        #expect(throws: CredentialResolver.Error.self) {
            try CredentialResolver().secret(for: account(.passwordCommand("true")))
        }
        let token = try CredentialResolver().secret(for: account(.oauth2TokenCommand("echo tok123")))
        #expect(token.kind == .oauth2Token && token.value == "tok123")
    }

    @Test func commandTimeout() throws {
        let start = ContinuousClock.now
        #expect(throws: CredentialResolver.Error.self) {
            try CredentialResolver(commandTimeout: .milliseconds(300)).secret(for: account(.passwordCommand("sleep 20")))
        }
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
