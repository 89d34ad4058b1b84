/// The reader's bookkeeping types.
extension MIMEReader {
    /// An entity whose header is being read.
    struct PendingEntity {
        var path: PartPath
        var depth: Int
        var parentIndex: Int?
        var parentType: ContentType?
        var isMessageRoot: Bool
        /// Past the part limit: read over, reported nowhere.
        var skipped = false
    }

    /// An open multipart.
    struct Frame {
        /// `--` followed by the boundary.
        var delimiter: [UInt8]
        var index: Int
        var path: PartPath
        var depth: Int
        var contentType: ContentType
        var bodyStart: Int
        var children = 0
        var closed = false
        /// The start of the preamble, kept (bounded) in case the boundary never comes.
        var preamble: [UInt8] = []
    }

    /// Where body bytes go.
    enum Sink {
        /// Preamble or epilogue of the innermost multipart, or a skipped part.
        case discard
        /// The preamble of the innermost multipart before its first boundary.
        case preamble
        /// A leaf or an encapsulated message being decoded.
        case entity(OpenEntity)
    }

    /// A leaf or encapsulated message whose body is being read.
    struct OpenEntity {
        var index: Int
        var path: PartPath
        var depth: Int
        var isMessage: Bool
        var bodyStart: Int
        var decoder: ContentDecoder
        var encodingName: String
        var uu: UUSplitter?
        /// Number of uuencoded blocks met so far.
        var uuCount = 0
        /// The embedded part being read, if a uuencoded block is open.
        var uuPart: (index: Int, path: PartPath, size: Int)?
    }
}
