/// A defect of a message that the decoder repaired or ignored, and the part where it was found.
///
/// Warnings never carry message content beyond short technical tokens (a charset name, a count),
/// so they can be logged.
public struct MIMEWarning: Hashable, Sendable, CustomStringConvertible {
    /// What kind of defect.
    public var kind: Kind
    /// The part where it was found (the root for message headers).
    public var path: PartPath
    /// A short, content-free detail (a header name, a charset name, a count).
    public var detail: String

    /// Creates a warning.
    public init(_ kind: Kind, at path: PartPath, _ detail: String = "") {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    /// `part 1.2: invalid base64 (3 bytes ignored)`, or `message: ...` for the root.
    public var description: String {
        let place = path.isRoot ? "message" : "part \(path)"
        return detail.isEmpty ? "\(place): \(kind.summary)" : "\(place): \(kind.summary) (\(detail))"
    }

    /// A kind of defect; an open set of named values.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        /// A stable identifier, such as `invalid-base64`.
        public let name: String
        /// What the defect is, in words.
        public let summary: String

        /// Creates a kind.
        public init(name: String, summary: String) {
            self.name = name
            self.summary = summary
        }

        /// The stable identifier.
        public var description: String { name }
    }
}

extension MIMEWarning.Kind {
    /// A header block past `maxHeaderBytes`; the rest was skipped.
    public static let headerTooLarge = Self(name: "header-too-large", summary: "header block too large, rest skipped")
    /// A header line that is neither a field nor a continuation.
    public static let malformedHeaderLine = Self(name: "malformed-header-line", summary: "malformed header line ignored")
    /// The body began without the blank line after the header.
    public static let missingHeaderBodySeparator = Self(name: "missing-header-body-separator", summary: "no blank line between header and body")
    /// A field that should appear once appeared more often; the first was used.
    public static let duplicateHeader = Self(name: "duplicate-header", summary: "duplicate header field, first one used")
    /// A date that could not be read.
    public static let badDate = Self(name: "bad-date", summary: "unreadable date")
    /// An address list that needed repair.
    public static let badAddress = Self(name: "bad-address", summary: "malformed address list repaired")
    /// A malformed RFC 2047 encoded-word.
    public static let malformedEncodedWord = Self(name: "malformed-encoded-word", summary: "malformed encoded-word")
    /// A malformed Content-Type or Content-Disposition.
    public static let malformedContentType = Self(name: "malformed-content-type", summary: "malformed content type, default used")
    /// A charset that iconv does not know.
    public static let unknownCharset = Self(name: "unknown-charset", summary: "unknown charset")
    /// Bytes that are invalid in their charset became U+FFFD.
    public static let undecodableBytes = Self(name: "undecodable-bytes", summary: "undecodable bytes replaced by U+FFFD")
    /// Text whose bytes do not fit its declared charset and were read in another one.
    public static let charsetMislabel = Self(name: "charset-mislabel", summary: "text not in its declared charset")
    /// Invalid characters in base64 content.
    public static let invalidBase64 = Self(name: "invalid-base64", summary: "invalid base64")
    /// Invalid escapes in quoted-printable content.
    public static let invalidQuotedPrintable = Self(name: "invalid-quoted-printable", summary: "invalid quoted-printable")
    /// A damaged uuencoded block.
    public static let invalidUUEncode = Self(name: "invalid-uuencode", summary: "damaged uuencoded block")
    /// A Content-Transfer-Encoding that is not known; the content was taken as it is.
    public static let unknownTransferEncoding = Self(name: "unknown-transfer-encoding", summary: "unknown transfer encoding, content taken as is")
    /// A multipart without a boundary parameter; read as text/plain.
    public static let missingBoundary = Self(name: "missing-boundary", summary: "multipart without boundary, read as text/plain")
    /// A multipart whose boundary never appeared; its body was read as one text part.
    public static let boundaryNotFound = Self(name: "boundary-not-found", summary: "multipart boundary never found")
    /// A multipart that ended without its closing boundary.
    public static let missingClosingBoundary = Self(name: "missing-closing-boundary", summary: "multipart not closed")
    /// Nesting deeper than `maxDepth`; the part was read as an opaque leaf.
    public static let depthLimit = Self(name: "depth-limit", summary: "nesting too deep, read as an opaque part")
    /// More parts than `maxParts`; the rest were skipped.
    public static let partLimit = Self(name: "part-limit", summary: "too many parts, rest skipped")
    /// More decoded content than `maxDecodedBytes`; the rest was not decoded.
    public static let decodedSizeLimit = Self(name: "decoded-size-limit", summary: "decoded content too large, rest not decoded")
    /// Text past `maxPartTextBytes` or `maxIndexedTextBytes` was left out of the text.
    public static let textTruncated = Self(name: "text-truncated", summary: "text truncated")
    /// A message/rfc822 part whose content was transfer-encoded; it was read as a message anyway.
    public static let encodedMessage = Self(name: "encoded-message", summary: "encapsulated message with a transfer encoding")
    /// More warnings than `maxWarnings`.
    public static let tooManyWarnings = Self(name: "too-many-warnings", summary: "more warnings not listed")
    /// The message ended inside a header block or a part.
    public static let truncated = Self(name: "truncated", summary: "message ends early")
}
