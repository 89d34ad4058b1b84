@testable import IMAPClient
import IMAPProtocol
import MailModel
import NIOCore
import Testing
import TestSupport

/// The client holds what one network read brings, never a whole message or a whole mailbox: the most
/// bytes it buffered at once stays under a bound far below the sizes fetched. (Whole-process peak RSS is
/// measured outside the tests, since tests run in parallel in one process.)
@Suite("IMAPClient against Dovecot: memory stays flat")
struct MemoryTests {
    /// Far below every amount fetched here (20 MB bodies, mailboxes of 6 MB and more).
    private static let bound = 2 * 1024 * 1024

    /// Fetches every body of `name`; returns the bytes received, the messages and the connection's peak buffer.
    /// Every chunk must own storage of about its own size, so that holding chunks holds only their bytes.
    private static func fetchAll(_ name: MailboxName, from server: DovecotServer, compression: Bool) async throws
        -> (bytes: Int, messages: Int, peak: Int) {
        var configuration = TestServers.configuration(server)
        configuration.compression = compression
        return try await IMAPClient.withConnection(configuration, logger: TestServers.logger) { connection in
            #expect(connection.isCompressed == compression)
            try await connection.select(name, readOnly: true)
            var bytes = 0
            var messages = 0
            var pinning = 0
            for try await event in connection.fetchBodies(UIDSet.all) {
                switch event {
                case .begin: break
                case .bytes(let chunk):
                    bytes += chunk.readableBytes
                    if chunk.storageCapacity > max(2 * chunk.readableBytes, 1024) { pinning += 1 }
                case .end: messages += 1
                }
            }
            #expect(pinning == 0, "\(pinning) chunks hold storage more than twice their size")
            return (bytes, messages, connection.peakBufferedBytes)
        }
    }

    @Test("a 20 MB body passes through buffers of bounded size", arguments: [false, true])
    func largeBody(compression: Bool) async throws {
        let server = try await TestServers.shared()
        let name = TestServers.uniqueMailbox("Large")
        try await TestServers.deliver(sizedMessage(20_000_000, seed: 7), to: name, on: server)
        let result = try await Self.fetchAll(name, from: server, compression: compression)
        #expect(result.bytes == 20_000_000)
        #expect(result.peak > 0 && result.peak < Self.bound, "peak buffered \(result.peak) bytes")
    }

    @Test("buffers do not grow with the mailbox: 200 and 4,000 messages", arguments: [false, true])
    func largeMailbox(compression: Bool) async throws {
        let server = try await TestServers.shared()
        var peaks: [Int] = []
        for count in [200, 4_000] {
            let name = TestServers.uniqueMailbox("Many\(count)")
            try await TestServers.deliver((0..<count).map { DovecotServer.Message(sizedMessage(1_500 + $0 % 3_000, seed: $0)) },
                                          to: name, on: server)
            let result = try await Self.fetchAll(name, from: server, compression: compression)
            #expect(result.messages == count)
            #expect(result.bytes == (0..<count).reduce(0) { $0 + 1_500 + $1 % 3_000 })
            peaks.append(result.peak)
        }
        // 4,000 messages are about 12 MB: holding them would break the bound many times over.
        #expect(peaks.allSatisfy { $0 > 0 && $0 < Self.bound }, "peaks buffered \(peaks) bytes")
    }
}
