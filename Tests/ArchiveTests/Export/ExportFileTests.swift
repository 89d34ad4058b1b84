@testable import Archive
import Foundation
import MailModel
import Testing

/// A file written on its background queue holds the same bytes, size and digest as one written in
/// place, and neither ever replaces an existing file.
@Suite struct ExportFileTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-exportfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Pieces from one byte to two blocks and more, in a fixed pseudo-random order (about 12 MB in
    /// all: the test process's own peak memory is what later tests' children inherit as theirs).
    private static let pieces: [[UInt8]] = {
        var state: UInt64 = 12345
        return (0..<48).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let size = [1, 7, 300, 4096, 70_000, ExportFile.blockSize - 1, ExportFile.blockSize + 3,
                        2 * ExportFile.blockSize + 11][Int(state >> 61)]
            return [UInt8](repeating: UInt8(truncatingIfNeeded: index), count: size)
        }
    }()

    private func written(background: Bool) throws -> (URL, SHA256Digest, Int64) {
        let url = folder.appendingPathComponent(background ? "background" : "inplace")
        let file = try ExportFile(path: url.path, background: background)
        for piece in Self.pieces { try file.write(piece) }
        let digest = try file.finish()
        return (url, digest, file.size)
    }

    @Test func backgroundWritingKeepsEveryByteInOrder() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (inPlace, inPlaceDigest, inPlaceSize) = try written(background: false)
        let (background, backgroundDigest, backgroundSize) = try written(background: true)
        let expected = Self.pieces.flatMap { $0 }
        #expect(try Data(contentsOf: background) == Data(expected))
        #expect(try Data(contentsOf: inPlace) == Data(expected))
        #expect(backgroundSize == Int64(expected.count))
        #expect(inPlaceSize == backgroundSize)
        var hasher = SHA256()
        hasher.update(expected)
        #expect(backgroundDigest == hasher.finalize())
        #expect(inPlaceDigest == backgroundDigest)
    }

    @Test func aFileDroppedWithoutFinishingKeepsWhatWasWrittenAndDoesNotTrap() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("abandoned")
        do {
            let file = try ExportFile(path: url.path, background: true)
            for piece in Self.pieces.prefix(12) { try file.write(piece) }
        }
        // The last queued block releases the file on the queue's thread; wait for the bytes to land.
        let expected = Self.pieces.prefix(12).flatMap { $0 }
        let deadline = ContinuousClock.now + .seconds(10)
        while (try? Data(contentsOf: url).count) != expected.count && ContinuousClock.now < deadline {
            usleep(10_000)
        }
        #expect(try Data(contentsOf: url) == Data(expected))
    }

    @Test(arguments: [false, true])
    func anExistingFileIsNeverReplaced(background: Bool) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("taken")
        try Data("keep me".utf8).write(to: url)
        #expect(throws: ExportError.self) { try ExportFile(path: url.path, background: background) }
        #expect(try Data(contentsOf: url) == Data("keep me".utf8))
    }
}
