import Foundation
import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// Records real Dovecot transcripts into `Tests/Fixtures/imap/` (Dovecot's rawlog of a session that uses
/// most of the grammar). Runs only with `CAIRN_RECORD_IMAP_TRANSCRIPTS=1`; the parser tests read the files.
@Suite("Transcript recorder")
struct TranscriptRecorder {
    @Test("record a Dovecot session", .enabled(if: ProcessInfo.processInfo.environment["CAIRN_RECORD_IMAP_TRANSCRIPTS"] == "1"))
    func record() async throws {
        var options = DovecotServer.Options()
        options.rawlog = true
        let recording = options
        let server = try await Blocking.run { try DovecotServer.start(recording) }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: server.rawlogDirectory, withIntermediateDirectories: true)
        let folder = MailboxName("Récent/Projets")
        let nested = """
            From: "Zoë Ünal" <zoe@example.com>\r
            To: team@example.com, "Bob" <bob@example.org>\r
            Cc: undisclosed-recipients:;\r
            Subject: =?UTF-8?Q?Pr=C3=A9sentation?= du projet\r
            Date: Tue, 05 Mar 2024 10:00:00 +0100\r
            Message-ID: <abc@example.com>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b1"\r
            \r
            --b1\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Voil=C3=A0.\r
            --b1\r
            Content-Type: message/rfc822\r
            \r
            Subject: inner\r
            From: a@b.c\r
            \r
            inner body\r
            --b1\r
            Content-Type: application/pdf; name="plan.pdf"\r
            Content-Disposition: attachment; filename="plan.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            JVBERi0xLjQK\r
            --b1--\r

            """
        try await Blocking.run {
            try server.deliver([DovecotServer.Message(Array(nested.utf8), flags: [.seen]),
                                DovecotServer.Message(TestServers.message(subject: "second")),
                                DovecotServer.Message(sizedMessage(9_000, seed: 1), flags: [.flagged])], to: folder)
        }
        var configuration = TestServers.configuration(server)
        configuration.compression = false
        configuration.clientID = [IDParameter(key: "name", value: "Cairn")]
        let other = configuration
        try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            _ = try await connection.namespaces()
            try await connection.enable([.qresync])
            _ = try await connection.list(status: [.messages, .uidNext, .uidValidity, .highestModSeq])
            _ = try await connection.status(folder)
            let selected = try await connection.select(folder)
            let modSeq = selected.highestModSeq ?? ModSeq(1)
            _ = try await connection.execute(raw: .uidFetch(UIDSet.all, [.uid, .flags, .internalDate, .rfc822Size, .modSeq, .envelope,
                                                                         .bodyStructure], changedSince: nil, vanished: false))
            for try await _ in connection.fetchBodies(UIDSet.all) {}
            _ = try await connection.execute(raw: .uidFetch(UIDSet([UID(1)]), [.body(.header), .body(SectionSpecifier(part: [2], kind: .mime)),
                                                                               .body(.text, partial: 0...10), .binarySize(part: [1])],
                                                            changedSince: nil, vanished: false))
            _ = try await connection.search(.or(.from("zoe"), .flag(.flagged)))
            _ = try await connection.execute(raw: .uidSearch(.all, returnOptions: nil))
            _ = try await connection.store(UIDSet([UID(2)]), StoreOperation(.add, [.deleted, Flag("$Junk")]))
            try await connection.expunge(UIDSet([UID(2)]))
            let appender = Task {
                try await Task.sleep(for: .milliseconds(300))
                try await IMAPClient.withConnection(other, logger: TestServers.logger) { second in
                    _ = try await second.append(ByteBuffer(string: "Subject: during idle\r\n\r\nx\r\n"), to: folder)
                }
            }
            try await connection.idle { event in
                if case .exists = event { return .stop }
                return .continue
            }
            try await appender.value
            _ = try await connection.fetchSummaries(UIDSet.all, changedSince: modSeq, includeVanished: true)
            _ = try await connection.append(ByteBuffer(string: "Subject: appended\r\n\r\nx\r\n"), to: folder, flags: [.draft])
            _ = try await connection.noop()
        }
        // The main session is the longest; rawlog prefixes every line with a time stamp and drops CRs.
        let files = try FileManager.default.contentsOfDirectory(atPath: server.rawlogDirectory)
        func size(_ file: String) -> Int {
            (try? FileManager.default.attributesOfItem(atPath: server.rawlogDirectory + "/" + file)[.size] as? Int) ?? 0
        }
        let outs = files.filter { $0.hasSuffix(".out") }.sorted { size($0) > size($1) }
        let main = try #require(outs.first)
        for (suffix, role) in [(".out", "server"), (".in", "client")] {
            let source = server.rawlogDirectory + "/" + main.dropLast(4) + suffix
            let raw = try [UInt8](Data(contentsOf: URL(fileURLWithPath: source)))
            var output: [UInt8] = []
            for line in raw.split(separator: 0x0A, omittingEmptySubsequences: false) where !line.isEmpty {
                let text = line.firstIndex(of: 0x20).map { line[($0 + 1)...] } ?? line[...]
                output += text
                output.append(0x0A)
            }
            let data = Data(output)
            try data.write(to: Fixtures.url("imap/dovecot-session.\(role).txt"))
        }
    }
}
