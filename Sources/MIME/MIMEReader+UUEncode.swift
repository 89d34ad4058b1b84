import NIOCore

/// Uuencoded blocks inside plain text, reported as embedded parts of that text part.
extension MIMEReader {
    /// Passes decoded text through the part's uuencode splitter.
    mutating func splitUU(_ bytes: ByteBuffer, in open: inout OpenEntity) {
        var actions: [UUSplitter.Action] = []
        open.uu!.feed(bytes, into: &actions)
        apply(actions, to: &open)
    }

    /// Ends the part's uuencode splitter.
    mutating func finishUU(_ open: inout OpenEntity) {
        var actions: [UUSplitter.Action] = []
        open.uu!.finish(into: &actions)
        apply(actions, to: &open)
    }

    private mutating func apply(_ actions: [UUSplitter.Action], to open: inout OpenEntity) {
        for action in actions {
            switch action {
            case .text(let text):
                emit(.content(part: open.index, text))
            case .blockBegin(let filename):
                open.uuCount += 1
                guard entityCount < options.maxParts else { continue }
                let index = entityCount
                entityCount += 1
                let path = PartPath(open.path.components, embedded: open.uuCount)
                open.uuPart = (index, path, 0)
                emit(.partBegin(MIMEPart(
                    index: index, parentIndex: open.index, path: path, depth: open.depth + 1, kind: .embedded,
                    headers: MIMEHeaders(), contentType: MediaTypes.guess(filename: filename),
                    transferEncoding: .uuencode, disposition: ContentDisposition(type: "attachment"),
                    isMessageRoot: false, parentContentType: ContentType.textPlain, embeddedFilename: filename
                )))
            case .blockData(let data):
                guard let part = open.uuPart else { continue }
                open.uuPart?.size += data.readableBytes
                emit(.content(part: part.index, data))
            case .blockEnd(let damaged):
                guard let part = open.uuPart else { continue }
                if damaged { warn(.invalidUUEncode, at: part.path, "no end line") }
                emit(.partEnd(MIMEPartEnd(index: part.index, path: part.path, rawBodySize: part.size)))
                open.uuPart = nil
            }
        }
    }
}
