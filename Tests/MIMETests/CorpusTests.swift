import Foundation
import MailModel
import NIOCore
import Testing
import TestSupport
@testable import MIME

/// Every real-world message decodes without a crash, the same in any chunking.
@Suite("Corpus")
struct CorpusTests {
    /// The copied fixtures, and the shared corpus when it is there.
    static func messageFiles() -> [URL] {
        var files: [URL] = []
        let own = Fixtures.url("corpus")
        files += ((try? FileManager.default.contentsOfDirectory(at: own, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "eml" }
        if let shared = Fixtures.sharedCorpus {
            let ownNames = Set(files.map(\.lastPathComponent))
            files += ((try? FileManager.default.contentsOfDirectory(at: shared, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "eml" && !ownNames.contains($0.lastPathComponent) }
        }
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func decode(_ data: [UInt8], _ chunking: Chunking) -> DecodedMessage {
        var decoder = MessageDecoder()
        for chunk in chunking.split(data) { decoder.feed(chunk) }
        return decoder.finish()
    }

    @Test("every message decodes, whole and in random chunks, with sane parts")
    func everyMessage() throws {
        let files = Self.messageFiles()
        #expect(files.count >= 211)
        if Fixtures.sharedCorpus == nil {
            print("note: the shared corpus (../shared/corpus or $CAIRN_SHARED_CORPUS) is absent; only Tests/Fixtures/corpus was read")
        }
        for file in files {
            let data = Array(try Data(contentsOf: file))
            let whole = Self.decode(data, .whole)
            let chunked = Self.decode(data, .random1)
            let name = file.lastPathComponent
            #expect(chunked.parts == whole.parts, "\(name)")
            #expect(chunked.warnings == whole.warnings, "\(name)")
            #expect(whole.size == data.count, "\(name)")
            #expect(!whole.parts.isEmpty, "\(name)")
            let paths = whole.parts.map(\.path)
            #expect(Set(paths).count == paths.count, "\(name): duplicate paths")
            for part in whole.parts where part.contentType.hasPrefix("text/") && part.kind == .leaf {
                #expect(part.text != nil, "\(name) \(part.path)")
            }
        }
    }

    @Test("every message of every mbox in the shared corpus decodes")
    func mboxMessages() throws {
        guard let corpus = Fixtures.sharedCorpus else {
            print("skipped: the shared corpus (../shared/corpus or $CAIRN_SHARED_CORPUS) is absent")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "mbox" }
        var total = 0
        for file in files {
            var reader = MboxReader()
            var decoder: MessageDecoder?
            var decoded: [DecodedMessage] = []
            func drain() {
                while let event = reader.next() {
                    switch event {
                    case .messageBegin: decoder = MessageDecoder()
                    case .messageBytes(let bytes): decoder?.feed(bytes)
                    case .messageEnd:
                        if var finished = decoder { decoded.append(finished.finish()) }
                        decoder = nil
                    }
                }
            }
            for chunk in Chunking.random2.split(Array(try Data(contentsOf: file))) {
                reader.feed(chunk)
                drain()
            }
            reader.finish()
            drain()
            #expect(decoded.count == MboxTests.corpusCounts[file.lastPathComponent], "\(file.lastPathComponent)")
            total += decoded.count
        }
        #expect(total >= 479)
    }
}
