import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

@Suite("IMAPClient against Dovecot: mailboxes")
struct MailboxTests {
    @Test("LIST reports special-use attributes and the delimiter, names decoded")
    func specialUse() async throws {
        let server = try await TestServers.shared()
        let mailboxes = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) {
            try await $0.list()
        }
        let byUse = Dictionary(mailboxes.compactMap { info in info.specialUse.map { ($0, info.name) } }, uniquingKeysWith: { a, _ in a })
        #expect(byUse[.sent] == MailboxName("Sent"))
        #expect(byUse[.trash] == MailboxName("Trash"))
        #expect(byUse[.junk] == MailboxName("Junk"))
        #expect(byUse[.drafts] == MailboxName("Drafts"))
        #expect(byUse[.archive] == MailboxName("Archive"))
        #expect(mailboxes.allSatisfy { $0.delimiter == UInt8(ascii: ".") })
    }

    @Test("non-ASCII folder names: filled on disk, created by the client, listed, selected and fetched")
    func internationalNames() async throws {
        let server = try await TestServers.shared()
        let suffix = UInt32.random(in: 0...UInt32.max)
        let onDisk = MailboxName("Café \(suffix)/Ünter")
        let japanese = MailboxName("日本語 \(suffix)")
        try await TestServers.deliver(TestServers.message(subject: "bonjour"), to: onDisk, on: server)
        let (names, count) = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            do { try await connection.create(japanese) } catch let error as IMAPError { print("CREATE", error.serverText ?? ""); throw error }
            _ = try await connection.append(ByteBuffer(bytes: TestServers.message(subject: "konnichiwa")), to: japanese)
            let listed = try await connection.list()
            let names = listed.map(\.name)
            let count = try await connection.select(onDisk).exists + connection.select(japanese).exists
            // A listed mailbox can be addressed by the exact name the server gave.
            if let info = listed.first(where: { $0.name == onDisk }) {
                #expect(try await connection.status(info).messages == 1)
                #expect(try await connection.select(info, readOnly: true).exists == 1)
                #expect(connection.selected?.name == onDisk)
            } else {
                Issue.record("\(onDisk) not listed")
            }
            return (names, count)
        }
        #expect(names.contains(onDisk))
        #expect(names.contains(MailboxName("Café \(suffix)")))
        #expect(names.contains(japanese))
        #expect(count == 2)
        // The client's CREATE wrote the modified UTF-7 form, as Dovecot stores it.
        let path = server.folderPath(japanese)
        #expect(path.hasSuffix("/.&ZeVnLIqe- \(suffix)"))
    }

    @Test("STATUS, CREATE, RENAME, DELETE")
    func statusAndManagement() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Status")
        let renamed = MailboxName(name.path + "-renamed/child")
        try await TestServers.deliver([DovecotServer.Message(TestServers.message(subject: "one"), flags: [.seen]),
                            DovecotServer.Message(TestServers.message(subject: "two"))], to: name, on: server)
        try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            let status = try await connection.status(name)
            #expect(status.messages == 2)
            #expect(status.unseen == 1)
            #expect(status.uidNext == UID(3))
            #expect(status.highestModSeq != nil)
            try await connection.rename(name, to: renamed)
            let names = try await connection.list().map(\.name)
            #expect(names.contains(renamed))
            #expect(!names.contains(name))
            try await connection.delete(renamed)
            let error = await expectIMAPError { _ = try await connection.status(renamed) }
            #expect(error?.category == .commandFailed)
            #expect(error?.message.contains("STATUS") == true)
            #expect(error.map { !$0.description.contains(renamed.path) } == true)
        }
    }

    @Test("LIST-STATUS returns each mailbox's status with the list")
    func listStatus() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("ListStatus")
        try await TestServers.deliver((0..<3).map { DovecotServer.Message(TestServers.message(subject: "m\($0)")) }, to: name, on: server)
        let info = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.list(status: [.messages, .uidValidity]).first { $0.name == name }
        }
        #expect(info?.status?.messages == 3)
        #expect(info?.status?.uidValidity != nil)
    }
}
