import Foundation
import MailModel

extension SHA256Digest {
    /// The 32 bytes as a BLOB value.
    var blob: Data { Data(bytes) }

    /// A digest from a 32-byte BLOB; nil for anything else.
    static func fromBlob(_ data: Data?) -> SHA256Digest? {
        guard let data else { return nil }
        return SHA256Digest(bytes: [UInt8](data))
    }
}

extension MessageID {
    /// A message id from a 32-byte BLOB; nil for anything else.
    static func fromBlob(_ data: Data?) -> MessageID? {
        SHA256Digest.fromBlob(data).map(MessageID.init(digest:))
    }
}
