@testable import Archive
import Foundation
import MailIndex
import MailModel
import MailQuery
import MailStore
import TestSupport

/// A message for the compliance tests: its bytes and where and when it was seen.
struct HeldMail {
    var bytes: [UInt8]
    var account = "work"
    var folder = "INBOX"
    var internalDate: Timestamp?

    /// A small message from `from` with a subject, a Date header (nil: none) and a body.
    static func make(_ subject: String, from: String = "ann@example.org", date: String? = "Fri, 01 Mar 2024 09:30:00 +0000",
                     body: String = "Quarterly figures attached.", folder: String = "INBOX", account: String = "work",
                     internalDate: Timestamp? = nil) -> HeldMail {
        let dateLine = date.map { "Date: \($0)\n" } ?? ""
        let text = "From: \(from)\nTo: bob@example.org\nSubject: \(subject)\n\(dateLine)"
            + "Message-ID: <\(subject.filter { $0.isLetter || $0.isNumber })@compliance.test>\n\n\(body)\n"
        return HeldMail(bytes: Array(text.utf8), account: account, folder: folder, internalDate: internalDate)
    }
}

/// Times the compliance tests use: "now" is 2026-01-01, messages date from before.
enum ComplianceTime {
    static let now = Timestamp(year: 2026, month: 1, day: 1)!

    static func daysAgo(_ days: Int64) -> Timestamp { Timestamp(rawValue: now.rawValue - days * 86_400) }
}

extension TemporaryArchive {
    /// Archives messages through the ingest pipeline as a sync would (one IMAP sighting each, with
    /// its INTERNALDATE), without bringing the holds up to date; returns their ids in order.
    @discardableResult
    func archive(_ mails: [HeldMail]) throws -> [MessageID] {
        let pipeline = try IngestPipeline(archive: archive)
        for (number, mail) in mails.enumerated() {
            let sighting = Sighting(source: .imap, account: mail.account, folder: MailboxName(mail.folder),
                                    uidValidity: UIDValidity(1), uid: UID(UInt32.random(in: 1...UInt32.max - 1)),
                                    internalDate: mail.internalDate)
            let incoming = pipeline.newMessage(sighting: sighting, label: "mail \(number)")
            try incoming.append(mail.bytes)
            try pipeline.submit(incoming)
        }
        _ = try pipeline.finish()
        try archive.makeIndexer().catchUp()
        return mails.map { MessageID.of($0.bytes) }
    }

    /// Verifies the archive as `cairn verify` does: read-only, beside the open writer.
    func verify(quick: Bool = false, anchor: AuditAnchor? = nil) throws -> VerificationReport {
        let reader = try MailArchive.open(home: home, access: .readOnly)
        defer { try? reader.close() }
        var options = ArchiveVerifier.Options()
        options.quick = quick
        options.anchor = anchor
        options.parallelism = 2
        return try ArchiveVerifier(archive: reader, options: options).run()
    }

    /// The chain's head now.
    func anchor() throws -> AuditAnchor {
        try archive.store.read { try $0.auditAnchor() }
    }

    /// The key of an archived message.
    func key(of id: MessageID) throws -> MessageKey {
        guard let key = try archive.store.read({ try $0.messageKey(for: id) }) else {
            throw MessageNotFoundError(reference: id.hex)
        }
        return key
    }

    /// The ids of every message in the store, sorted.
    func storedIDs() throws -> Set<MessageID> {
        try archive.store.read { reader in
            Set(try reader.indexInventory(idHexPrefix: "").map(\.message.id))
        }
    }

    /// The ids `query` finds in the index, sorted.
    func found(_ query: String) throws -> Set<String> {
        Set(try ids(query))
    }

    /// The index opened for writing behind the archive's back (after `closeWriter`). A child process
    /// another test starts at that moment may hold the index's lock an instant: wait for it.
    func openIndexWriter() throws -> MailIndexWriter {
        let configuration = try IndexConfiguration.load(directory: MailArchive.indexDirectory(in: home))
        let deadline = ContinuousClock.now + .seconds(5)
        while true {
            let opened: Result<MailIndexWriter, IndexError> = Result { () throws(IndexError) in try MailIndexWriter(configuration: configuration) }
            if case .failure(let error) = opened, error.code == .locked, ContinuousClock.now < deadline {
                usleep(20_000)
                continue
            }
            return try opened.get()
        }
    }

    /// Closes the writer so that something else can change the archive behind its back; `reopen`
    /// (or `verify`, which only reads) follows.
    func closeWriter() throws {
        try archive.close()
    }
}
