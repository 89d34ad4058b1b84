import Foundation
import MIME

extension DecodedMessage {
    /// The text parts a reader reads, in order: text parts that are not attachments, the plain
    /// version of each multipart/alternative only (the HTML one when there is no plain one).
    public var readableParts: [DecodedPart] {
        let byPath = Dictionary(parts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let rootType = header("Content-Type").map(DecodedMessage.bareType) ?? "text/plain"
        func parentType(_ part: DecodedPart) -> String {
            guard part.path.embedded == nil else { return byPath[PartPath(part.path.components)]?.contentType ?? "" }
            let parent = PartPath(Array(part.path.components.dropLast()))
            if parent.isRoot { return rootType }
            return byPath[parent]?.contentType ?? ""
        }
        func hasPlainSibling(_ part: DecodedPart) -> Bool {
            let parent = part.path.components.dropLast()
            return parts.contains {
                $0.path != part.path && $0.path.embedded == nil && $0.path.components.dropLast() == parent
                    && $0.contentType == "text/plain" && $0.text != nil && !$0.isAttachment
            }
        }
        return parts.filter { part in
            guard part.text != nil, !part.isAttachment else { return false }
            if part.contentType != "text/plain", parentType(part) == "multipart/alternative", hasPlainSibling(part) {
                return false
            }
            return true
        }
    }

    /// The readable text of the message: its readable parts' text, separated by blank lines.
    public var readableText: String {
        readableParts.compactMap(\.text).map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
    }

    private static func bareType(_ value: String) -> String {
        String(value.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
