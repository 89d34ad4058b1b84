import Archive
import Foundation
import MailModel
import MailStore
import Testing
import TestSupport

/// `cairn sync` against a scripted hostile server (``HostileIMAPServer``): each misbehaviour ends in a
/// clear error or a correct sync, in bounded time and memory, and nothing but real messages archived.
@Suite("cairn sync against a hostile server")
struct HostileServerTests {
    static let variable = "CAIRN_HOSTILE_PASSWORD"

    /// The real messages of the server's INBOX.
    static let messages: [[UInt8]] = (1...3).map {
        Array("From: Ann <ann@example.org>\r\nTo: bob@example.org\r\nSubject: real message \($0)\r\nMessage-ID: <real.\($0)@test>\r\nDate: Fri, 01 Mar 2024 09:30:00 +0000\r\n\r\nThe real body \($0).\r\n".utf8)
    }

    /// What one sync against a server with `scenario` did.
    struct Outcome {
        var result: CairnProcess.Result
        var seconds: Double
        var archived: Set<String>
        var forged: Set<String>
        var real: Set<String>
    }

    /// Adds an account for `server` in a new home and runs `cairn sync` once.
    static func sync(_ scenario: HostileIMAPServer.Scenario, runs: Int = 1) throws -> Outcome {
        let server = try HostileIMAPServer.start(scenario, messages: messages)
        defer { server.stop() }
        let home = CLIHome()
        let added = try home.run(["account", "add", "hostile", "--host", "127.0.0.1", "--port", String(server.port),
                                  "--security", "none", "--allow-insecure", "--user", "u", "--password-env", variable])
        #expect(added.status == 0, "\(added.error)")
        let clock = ContinuousClock()
        let start = clock.now
        var result = CairnProcess.Result(status: -1, output: [], error: "")
        for _ in 0..<runs {
            result = try home.run(["sync", "--progress", "never", "--timeout", "10", "--backoff", "0.1"],
                                  environment: [variable: "secret-pw"], measuringMemory: true)
        }
        let seconds = (clock.now - start).seconds
        var archived = Set<String>()
        if FileManager.default.fileExists(atPath: home.path + "/cairn.sqlite") {
            let archive = try MailArchive.open(home: URL(fileURLWithPath: home.path), access: .readOnly)
            defer { try? archive.close() }
            try archive.store.read { reader in
                archived = Set(try reader.messageKeys(limit: 1_000).map { try reader.messageID(of: $0).hex })
                #expect(try reader.verifyAuditChain().isIntact)
            }
        }
        return Outcome(result: result, seconds: seconds, archived: archived,
                       forged: Set(server.forgedMessages.map(id)), real: Set(messages.map(id)))
    }

    /// A message's id (hex).
    static func id(_ bytes: [UInt8]) -> String {
        var hasher = MessageHasher()
        hasher.update(bytes)
        return hasher.finalize().id.hex
    }

    /// The memory a well-behaved sync takes here, the yardstick for the hostile ones.
    static let baseline: Result<Outcome, any Error> = Result { try sync(.wellBehaved) }

    @Test("a well-behaved scripted server is synced completely (the server itself works)")
    func wellBehaved() throws {
        let outcome = try Self.baseline.get()
        #expect(outcome.result.status == 0, "\(outcome.result.error)")
        #expect(outcome.archived == outcome.real)
    }

    @Test("hostile responses: a clear server error (exit 5), bounded time and memory, nothing forged archived",
          arguments: [HostileIMAPServer.Scenario.oversizedLiteral, .oversizedNameLiteral, .hugeLiteralThenClose, .endlessLine, .deepNesting,
                      .bogusUID("0"), .bogusUID("4294967296"), .bogusUID("x7"), .bogusUID("99"), .duplicateUIDs])
    func clearError(_ scenario: HostileIMAPServer.Scenario) throws {
        let baseline = try Self.baseline.get()
        let outcome = try Self.sync(scenario)
        #expect(outcome.result.status == 5 || outcome.result.status == 3,
                "\(scenario): exit \(outcome.result.status): \(outcome.result.error)")
        #expect(outcome.result.error.contains("hostile"), "\(scenario): the error names the account: \(outcome.result.error)")
        #expect(outcome.result.error.count < 2_000, "\(scenario): a short message, not the server's bytes")
        #expect(outcome.archived.isSubset(of: outcome.real), "\(scenario): something not real was archived")
        #expect(outcome.seconds < 60, "\(scenario): took \(outcome.seconds) s")
        let grown = outcome.result.maxResidentKiB - baseline.result.maxResidentKiB
        #expect(grown < 48 * 1024, "\(scenario): memory grew by \(grown) KiB over a normal sync")
    }

    @Test("hostile but survivable: real messages archived once each, nothing forged, no crash",
          arguments: [HostileIMAPServer.Scenario.uidValidityFlapping, .unsolicited])
    func survivable(_ scenario: HostileIMAPServer.Scenario) throws {
        let outcome = try Self.sync(scenario, runs: 2)
        #expect([0, 3, 5].contains(outcome.result.status), "\(scenario): exit \(outcome.result.status): \(outcome.result.error)")
        #expect(outcome.archived.isDisjoint(with: outcome.forged), "\(scenario): a forged message was archived")
        #expect(outcome.archived.isSubset(of: outcome.real), "\(scenario): something not real was archived")
        if case .uidValidityFlapping = scenario {
            // A new UIDVALIDITY at every look is followed, not fought: every real message archived, once.
            #expect(outcome.result.status == 0, "\(outcome.result.error)")
            #expect(outcome.archived == outcome.real)
        }
        #expect(outcome.seconds < 40, "\(scenario): took \(outcome.seconds) s")
    }
}
