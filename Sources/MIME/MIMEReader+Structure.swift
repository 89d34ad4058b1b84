import NIOCore

/// Beginning and ending entities, multipart frames and boundaries (RFC 2046 5.1).
extension MIMEReader {
    /// The header block of the pending entity is complete: begin the entity.
    mutating func endHeaders() {
        let builder = headerBuilder
        headerBuilder = HeaderBlockBuilder(limit: options.maxHeaderBytes)
        reportedHeaderOverflow = false
        mode = .body
        atLineStart = true
        if pending.skipped {
            sink = .discard
            return
        }
        begin(pending, headers: builder.build())
    }

    private mutating func begin(_ entity: PendingEntity, headers: MIMEHeaders) {
        let defaultType = entity.parentType?.subtype == "digest" ? ContentType.messageRFC822 : ContentType.textPlain
        var contentType = defaultType
        if let raw = headers.rawValue(of: "Content-Type") {
            let parsed = ContentType.parse(raw)
            if let type = parsed.contentType {
                contentType = type
            } else if !ASCII.trimmed(raw).isEmpty {
                warn(.malformedContentType, at: entity.path)
            }
        }
        let encoding = TransferEncoding(headerValue: headers.unfoldedText(of: "Content-Transfer-Encoding"))
        if case .other(let name) = encoding {
            warn(.unknownTransferEncoding, at: entity.path, String(name.prefix(40)))
        }
        let disposition = headers.rawValue(of: "Content-Disposition").map { ContentDisposition.parse($0) }
        var kind = MIMEPart.Kind.leaf
        if contentType.isMultipart {
            if contentType.boundary == nil {
                warn(.missingBoundary, at: entity.path)
                contentType = ContentType(type: "text", subtype: "plain", parameters: contentType.parameters)
            } else if entity.depth >= options.maxDepth {
                warn(.depthLimit, at: entity.path)
            } else {
                kind = .multipart
            }
        } else if contentType.isEncapsulatedMessage {
            if entity.depth >= options.maxDepth {
                warn(.depthLimit, at: entity.path)
            } else {
                kind = .message
            }
        }
        let path = entity.isMessageRoot && kind != .multipart ? entity.path.child(1) : entity.path
        let index = entityCount
        entityCount += 1
        let part = MIMEPart(
            index: index, parentIndex: entity.parentIndex, path: path, depth: entity.depth, kind: kind,
            headers: headers, contentType: contentType, transferEncoding: encoding, disposition: disposition,
            isMessageRoot: entity.isMessageRoot, parentContentType: entity.parentType, embeddedFilename: nil
        )
        emit(.partBegin(part))
        switch kind {
        case .multipart:
            frames.append(Frame(
                delimiter: [ASCII.hyphen, ASCII.hyphen] + contentType.boundary!, index: index, path: path,
                depth: entity.depth, contentType: contentType, bodyStart: consumed
            ))
            sink = .preamble
        case .leaf, .message, .embedded:
            var open = OpenEntity(
                index: index, path: path, depth: entity.depth, isMessage: kind == .message, bodyStart: consumed,
                decoder: ContentDecoder(encoding), encodingName: encoding.description, uu: nil
            )
            if kind == .message {
                if encoding == .base64 || encoding == .quotedPrintable || encoding == .uuencode {
                    warn(.encodedMessage, at: path, encoding.description)
                }
                var childOptions = options
                childOptions.maxDepth = max(0, options.maxDepth - entity.depth - 1)
                childOptions.maxParts = max(1, options.maxParts - entityCount)
                childOptions.maxDecodedBytes = max(0, options.maxDecodedBytes - decodedBytes)
                nested = [MIMEReader(options: childOptions)]
            } else if options.splitUUEncode, contentType.mimeType == "text/plain", encoding != .uuencode {
                open.uu = UUSplitter()
            }
            sink = .entity(open)
        }
    }

    /// Ends the body being read (a leaf or an encapsulated message); the preamble and epilogue of
    /// a multipart need nothing.
    mutating func endSink() {
        guard case .entity(var open) = sink else {
            sink = .discard
            return
        }
        sink = .discard
        let (tail, invalid) = open.decoder.finish()
        deliver(tail, to: &open)
        if invalid > 0 {
            let kind: MIMEWarning.Kind = switch open.encodingName {
            case "base64": .invalidBase64
            case "quoted-printable": .invalidQuotedPrintable
            default: .invalidUUEncode
            }
            warn(kind, at: open.path, "\(invalid) ignored")
        }
        if open.uu != nil { finishUU(&open) }
        if open.isMessage, !nested.isEmpty {
            nested[0].finish()
            forwardNested(open)
            nested = []
        }
        emit(.partEnd(MIMEPartEnd(index: open.index, path: open.path, rawBodySize: consumed - open.bodyStart)))
    }

    /// A boundary delimiter line of frame `frameIndex` was read; `endOffset` is where the body
    /// before it ended.
    mutating func delimiter(frame frameIndex: Int, isClose: Bool, endOffset: Int) {
        endSink()
        closeFrames(downTo: frameIndex + 1, endOffset: endOffset)
        atLineStart = true
        mode = .body
        if isClose {
            if frames[frameIndex].children == 0 && !frames[frameIndex].closed { recoverUnboundedMultipart(frames[frameIndex]) }
            frames[frameIndex].preamble = []
            frames[frameIndex].closed = true
            sink = .discard
            return
        }
        frames[frameIndex].preamble = []
        frames[frameIndex].children += 1
        let frame = frames[frameIndex]
        pending = PendingEntity(
            path: frame.path.child(frame.children), depth: frame.depth + 1, parentIndex: frame.index,
            parentType: frame.contentType, isMessageRoot: false
        )
        if entityCount >= options.maxParts {
            pending.skipped = true
            if !reportedPartLimit {
                reportedPartLimit = true
                warn(.partLimit, at: frame.path, "\(options.maxParts)")
            }
        }
        mode = .headers
    }

    /// Ends the multiparts above `level`, innermost first.
    mutating func closeFrames(downTo level: Int, endOffset: Int) {
        while frames.count > level {
            let frame = frames.removeLast()
            if !frame.closed {
                if frame.children == 0 {
                    recoverUnboundedMultipart(frame)
                } else {
                    warn(.missingClosingBoundary, at: frame.path)
                }
            }
            emit(.partEnd(MIMEPartEnd(index: frame.index, path: frame.path, rawBodySize: endOffset - frame.bodyStart)))
        }
    }

    /// A multipart whose parts never began (no opening delimiter): its body is read as one
    /// text/plain part, so its text is not lost.
    private mutating func recoverUnboundedMultipart(_ frame: Frame) {
        warn(.boundaryNotFound, at: frame.path)
        guard entityCount < options.maxParts else { return }
        var parameters: [MIMEParameters.Parameter] = []
        if let charset = frame.contentType.parameters.parameter("charset") { parameters.append(charset) }
        let index = entityCount
        entityCount += 1
        let path = frame.path.child(1)
        let part = MIMEPart(
            index: index, parentIndex: frame.index, path: path, depth: frame.depth + 1, kind: .leaf,
            headers: MIMEHeaders(), contentType: ContentType(type: "text", subtype: "plain", parameters: MIMEParameters(parameters)),
            transferEncoding: .sevenBit, disposition: nil, isMessageRoot: false, parentContentType: frame.contentType,
            embeddedFilename: nil
        )
        emit(.partBegin(part))
        if !frame.preamble.isEmpty { emit(.content(part: index, ByteBuffer(bytes: frame.preamble))) }
        emit(.partEnd(MIMEPartEnd(index: index, path: path, rawBodySize: frame.preamble.count)))
    }
}
