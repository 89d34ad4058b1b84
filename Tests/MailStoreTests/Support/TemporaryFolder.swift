import Foundation
import MailStore

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        var template = Array((NSTemporaryDirectory() + "cairn-store-test-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else { throw CocoaError(.fileWriteUnknown) }
        url = URL(fileURLWithPath: String(cString: made))
    }

    /// The archive folder inside it (not created: opening the store creates it).
    var archive: URL { url.appendingPathComponent("archive") }

    /// A store opened in ``archive`` that cuts message bytes into chunks of `chunkSize`.
    func openStore(chunkSize: Int) throws -> MailStore {
        var options = MailStore.Options()
        options.chunkSize = chunkSize
        return try MailStore.open(at: archive, options)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
