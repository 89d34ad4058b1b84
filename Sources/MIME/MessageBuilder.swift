import MailModel
import NIOCore

/// Builds a ``DecodedMessage`` from reader events.
struct MessageBuilder {
    /// What is gathered for one open entity.
    private struct Accumulator {
        var slot: Int?
        var part: MIMEPart
        var hasher = SHA256()
        var size = 0
        var text: TextCollector?
        /// Open uuencoded blocks inside it: their lines are not text.
        var suspended = 0
    }

    private let options: MIMEOptions
    private var rootHeaders: MIMEHeaders?
    private var open: [Int: Accumulator] = [:]
    private var parts: [DecodedPart] = []
    private var warnings: [MIMEWarning] = []
    /// Text bytes that may still be kept, over all parts.
    private var textBudget: Int

    init(options: MIMEOptions) {
        self.options = options
        self.textBudget = options.maxTotalTextBytes
    }

    mutating func handle(_ event: MIMEEvent) {
        switch event {
        case .partBegin(let part):
            if part.index == 0 { rootHeaders = part.headers }
            var accumulator = Accumulator(part: part)
            if part.isNumbered {
                accumulator.slot = parts.count
                parts.append(DecodedPart(
                    path: part.path, kind: part.kind, contentType: part.contentType.mimeType, charset: part.charset,
                    disposition: part.disposition?.type, filename: part.filename, contentID: part.contentID,
                    transferEncoding: part.transferEncoding.description, size: 0, sha256: nil, text: nil,
                    isTextTruncated: false, isAttachment: part.isAttachment
                ))
            }
            if part.kind == .leaf, part.contentType.isText {
                accumulator.text = TextCollector(limit: max(0, min(options.maxPartTextBytes, textBudget)))
            }
            if part.kind == .embedded, let parent = part.parentIndex { open[parent]?.suspended += 1 }
            open[part.index] = accumulator
        case .content(let index, let bytes):
            guard var accumulator = open.removeValue(forKey: index) else { return }
            bytes.withUnsafeReadableBytes { accumulator.hasher.update($0) }
            accumulator.size += bytes.readableBytes
            if accumulator.suspended == 0 { accumulator.text?.append(bytes) }
            open[index] = accumulator
        case .partEnd(let end):
            guard var accumulator = open.removeValue(forKey: end.index) else { return }
            if accumulator.part.kind == .embedded, let parent = accumulator.part.parentIndex { open[parent]?.suspended -= 1 }
            guard let slot = accumulator.slot else { return }
            if accumulator.part.kind == .multipart {
                parts[slot].size = end.rawBodySize
            } else {
                parts[slot].size = accumulator.size
                parts[slot].sha256 = accumulator.hasher.finalize()
            }
            if let collector = accumulator.text {
                textBudget -= collector.count
                let decoded = collector.text(for: accumulator.part.contentType)
                parts[slot].text = decoded.text
                parts[slot].isTextTruncated = collector.truncated
                report(decoded, part: accumulator.part, truncated: collector.truncated)
            }
        case .warning(let warning):
            warnings.append(warning)
        }
    }

    private mutating func report(_ decoded: DecodedText, part: MIMEPart, truncated: Bool) {
        let label = part.charset ?? "none"
        if decoded.unknownLabel {
            warnings.append(MIMEWarning(.unknownCharset, at: part.path, String(label.prefix(40))))
        } else if let fallback = decoded.fallback, part.charset != nil || fallback != "utf-8" {
            warnings.append(MIMEWarning(.charsetMislabel, at: part.path, "declared \(label.prefix(40)), read as \(fallback)"))
        }
        if decoded.replaced > 0 {
            warnings.append(MIMEWarning(.undecodableBytes, at: part.path, "\(decoded.replaced)"))
        }
        if truncated {
            warnings.append(MIMEWarning(.textTruncated, at: part.path))
        }
    }

    mutating func build(size: Int) -> DecodedMessage {
        let headers = rootHeaders ?? MIMEHeaders()
        var message = DecodedMessage(
            headers: Array(headers), subject: headers.value(of: "Subject"), date: nil, messageID: nil,
            inReplyTo: [], references: [], listID: nil, from: [], sender: [], replyTo: [], to: [], cc: [], bcc: [],
            parts: parts, searchableText: "", warnings: [], size: size
        )
        var extra: [MIMEWarning] = []
        HeaderDiagnostics.check(headers, into: &extra)
        if let dateText = headers.unfoldedText(of: "Date") {
            message.date = MailDate.parse(dateText)
            if message.date == nil { extra.append(MIMEWarning(.badDate, at: .root)) }
        }
        message.messageID = headers.unfoldedText(of: "Message-ID").flatMap(MessageIDs.first(in:))
        message.inReplyTo = headers.unfoldedText(of: "In-Reply-To").map(MessageIDs.all(in:)) ?? []
        message.references = headers.unfoldedText(of: "References").map(MessageIDs.all(in:)) ?? []
        if let list = headers.unfoldedText(of: "List-Id") {
            message.listID = MessageIDs.all(in: list).first ?? (list.isEmpty ? nil : list)
        }
        func addresses(_ name: String, all: Bool) -> [Address] {
            let positions = headers.positions(of: name)
            var result: [Address] = []
            for position in all ? positions : Array(positions.prefix(1)) {
                let text = HeaderText.unfold(headers.rawValue(at: position), charset: headers.fallbackCharset)
                let parsed = AddressList.parse(text)
                if parsed.repaired { extra.append(MIMEWarning(.badAddress, at: .root, name)) }
                result += parsed.addresses
            }
            return result
        }
        message.from = addresses("From", all: false)
        message.sender = addresses("Sender", all: false)
        message.replyTo = addresses("Reply-To", all: false)
        message.to = addresses("To", all: true)
        message.cc = addresses("Cc", all: true)
        message.bcc = addresses("Bcc", all: true)
        message.searchableText = searchableText(&extra)
        message.warnings = Array((warnings + extra).prefix(options.maxWarnings))
        return message
    }

    private func searchableText(_ extra: inout [MIMEWarning]) -> String {
        var text = ""
        var total = 0
        for part in parts {
            guard let partText = part.text, !partText.isEmpty else { continue }
            let cost = partText.utf8.count + 2
            if total + cost > options.maxIndexedTextBytes {
                var room = options.maxIndexedTextBytes - total - 2
                if room > 0 {
                    var utf8 = Array(partText.utf8.prefix(room))
                    while room > 0, let last = utf8.last, last & 0xC0 == 0x80 || last >= 0xC0 {
                        utf8.removeLast()
                        room -= 1
                        if last >= 0xC0 { break }
                    }
                    if !text.isEmpty { text += "\n\n" }
                    text += String(decoding: utf8, as: UTF8.self)
                }
                extra.append(MIMEWarning(.textTruncated, at: .root, "\(options.maxIndexedTextBytes) bytes indexed"))
                break
            }
            if !text.isEmpty { text += "\n\n" }
            text += partText
            total += cost
        }
        return text
    }
}
