import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// A message of exactly `size` bytes (CRLF lines) whose content depends on `seed`.
func sizedMessage(_ size: Int, seed: Int) -> [UInt8] {
    var bytes = Array("Subject: sized \(seed)\r\nMessage-ID: <s\(seed)@test>\r\n\r\n".utf8)
    bytes.reserveCapacity(size + 128)
    var line = 0
    while bytes.count < size {
        // Every 4 KiB block is numbered, so a lost or repeated chunk changes the bytes.
        bytes.append(contentsOf: "block \(line) of message \(seed)\r\n".utf8)
        bytes.append(contentsOf: block)
        line += 1
    }
    if bytes.count > size { bytes.removeLast(bytes.count - size) }
    return bytes
}

private let block: [UInt8] = Array(String(repeating: "0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTU\r\n", count: 64).utf8)

/// The SHA-256 of a body and its length, fed chunk by chunk.
struct Checksum: Equatable {
    private var hasher = SHA256()
    private(set) var count = 0
    var digest: SHA256Digest?

    mutating func add<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        hasher.update(bytes)
        count += bytes.count
    }

    mutating func add(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { hasher.update($0) }
        count += buffer.readableBytes
    }

    mutating func finish() -> Checksum {
        digest = hasher.finalize()
        return self
    }

    static func == (lhs: Checksum, rhs: Checksum) -> Bool { lhs.digest == rhs.digest && lhs.count == rhs.count }
}

@Suite("IMAPClient against Dovecot: fetching bodies")
struct FetchTests {
    @Test("bodies of 10 bytes to 20 MB stream exactly, in bounded chunks")
    func sizes() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Sizes")
        let sizes = [10, 1_000, 70_000, 1_000_000, 20_000_000]
        var expected: [Checksum] = []
        for (index, size) in sizes.enumerated() {
            let bytes = index == 0 ? Array("Subject: \r\n\r\nx\r\n".utf8).prefix(10).map { $0 } : sizedMessage(size, seed: index)
            var checksum = Checksum()
            checksum.add(bytes)
            expected.append(checksum.finish())
            try await TestServers.deliver(bytes, to: name, on: server)
        }
        let (checksums, largestChunk, infos) = try await IMAPClient.withConnection(TestServers.configuration(server),
                                                                                  logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            var checksums: [Checksum] = []
            var infos: [FetchedMessage] = []
            var current = Checksum()
            var largestChunk = 0
            for try await event in connection.fetchBodies(UIDSet.all) {
                switch event {
                case .begin: current = Checksum()
                case .bytes(let chunk):
                    largestChunk = max(largestChunk, chunk.readableBytes)
                    current.add(chunk)
                case .end(let info):
                    checksums.append(current.finish())
                    infos.append(info)
                }
            }
            return (checksums, largestChunk, infos)
        }
        #expect(checksums == expected)
        #expect(infos.map(\.byteCount) == sizes)
        #expect(infos.map(\.uid) == (1...5).map { UID($0) })
        #expect(infos.allSatisfy { $0.flags != nil && $0.internalDate != nil && $0.modSeq != nil })
        #expect(largestChunk <= 1024 * 1024, "chunks follow network reads, never whole messages")
    }

    @Test("many messages over pipelined batches arrive complete and in order")
    func pipelined() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Pipelined")
        try await TestServers.deliver((0..<300).map { DovecotServer.Message(sizedMessage(200 + $0 * 7, seed: $0)) }, to: name, on: server)
        var configuration = TestServers.configuration(server)
        configuration.fetch.batchSize = 40
        configuration.fetch.pipelineDepth = 3
        let (uids, total) = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            var uids: [UInt32] = []
            var total = 0
            // Skip UID 17 on purpose: sets with gaps must batch correctly.
            let wanted = UIDSet(rawRanges: [1...16, 18...300])
            for try await event in connection.fetchBodies(wanted) {
                switch event {
                case .begin(let info): uids.append(info.uid.rawValue)
                case .bytes(let chunk): total += chunk.readableBytes
                case .end: break
                }
            }
            return (uids, total)
        }
        #expect(uids == Array(1...16) + Array(18...300))
        #expect(total == (0..<300).filter { $0 != 16 }.reduce(0) { $0 + 200 + $1 * 7 })
    }

    @Test("a stream given up half way is drained by the next command")
    func abandonedStream() async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Abandon")
        try await TestServers.deliver((0..<50).map { DovecotServer.Message(sizedMessage(5_000, seed: $0)) }, to: name, on: server)
        var configuration = TestServers.configuration(server)
        configuration.fetch.batchSize = 10
        let count = try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            try await connection.select(name, readOnly: true)
            var iterator = connection.fetchBodies(UIDSet.all).makeAsyncIterator()
            for _ in 0..<7 { _ = try await iterator.next() }
            let status = try await connection.status(.inbox)  // ends the stream
            _ = status
            let error = await expectIMAPError { _ = try await iterator.next() }
            #expect(error?.category == .usage)
            return try await connection.search(.all).count
        }
        #expect(count == 50)
    }

    @Test("APPEND returns the new UID; the message reads back identical")
    func appendRoundTrip() async throws {
        try await TestServers.withPrivateServer { server in try await checkAppendRoundTrip(on: server) }
    }

    private func checkAppendRoundTrip(on server: DovecotServer) async throws {
        let name = TestServers.uniqueMailbox("Append")
        let message = sizedMessage(3_000, seed: 99)
        let date = Timestamp(year: 2023, month: 5, day: 17, hour: 8, minute: 30)!
        let (uid, info, bytes) = try await IMAPClient.withConnection(TestServers.configuration(server), logger: TestServers.logger) { connection in
            try await connection.create(name)
            let uid = try await connection.append(ByteBuffer(bytes: message), to: name, flags: [.seen, Flag("$Label1")], internalDate: date)
            try await connection.select(name, readOnly: true)
            var info: FetchedMessage?
            var bytes: [UInt8] = []
            for try await event in connection.fetchBodies(UIDSet.all) {
                if case .bytes(let chunk) = event { bytes += chunk.readableBytesView }
                if case .end(let end) = event { info = end }
            }
            return (uid, info, bytes)
        }
        #expect(uid == UID(1))
        #expect(bytes == message)
        #expect(info?.internalDate == date)
        #expect(info?.flags?.contains(.seen) == true)
        #expect(info?.flags?.contains(Flag("$label1")) == true)
    }
}
