import Foundation
import MIME

extension DecodedMessage {
    /// The text parts a reader reads, in order: text parts that are not attachments, the plain
    /// version of each multipart/alternative only (the HTML one when there is no plain one).
    public var readableParts: [DecodedPart] {
        let twins = alternativeTwins
        return parts.filter { $0.text != nil && !$0.isAttachment && !twins.contains($0.path) }
    }

    /// The readable text of the message: its readable parts' text, separated by blank lines.
    public var readableText: String {
        readableParts.compactMap(\.text).map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
    }

    /// The text the index reads: every text part (text attachments and HTML as a reader sees it
    /// included) except the HTML twin of a plain part in a multipart/alternative, which says the
    /// same again; at most `limit` bytes of UTF-8.
    func indexText(limit: Int = MIMEOptions.default.maxIndexedTextBytes) -> String {
        let twins = alternativeTwins
        var text = ""
        var total = 0
        for part in parts where !twins.contains(part.path) {
            guard let partText = part.text, !partText.isEmpty else { continue }
            let cost = partText.utf8.count + 2
            if total + cost > limit {
                let room = limit - total - 2
                if room > 0 { text += (text.isEmpty ? "" : "\n\n") + String(decoding: partText.utf8.prefix(room), as: UTF8.self) }
                break
            }
            text += (text.isEmpty ? "" : "\n\n") + partText
            total += cost
        }
        return text
    }

    /// The paths of text parts other than text/plain inside a multipart/alternative that also has a
    /// text/plain part (the HTML twin of a plain body).
    var alternativeTwins: Set<PartPath> {
        let rootType = header("Content-Type").map(DecodedMessage.bareType) ?? "text/plain"
        var typeByPath: [PartPath: String] = [:]
        var plainParents: Set<[Int]> = []
        for part in parts where part.path.embedded == nil {
            typeByPath[part.path] = part.contentType
            if part.contentType == "text/plain", part.text != nil, !part.isAttachment {
                plainParents.insert(Array(part.path.components.dropLast()))
            }
        }
        var twins: Set<PartPath> = []
        for part in parts where part.path.embedded == nil && part.text != nil && part.contentType != "text/plain" {
            let parent = Array(part.path.components.dropLast())
            let parentType = parent.isEmpty ? rootType : typeByPath[PartPath(parent)] ?? ""
            if parentType == "multipart/alternative", plainParents.contains(parent) { twins.insert(part.path) }
        }
        return twins
    }

    private static func bareType(_ value: String) -> String {
        String(value.split(separator: ";", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
