import NIOCore
@testable import MIME

/// What a reader reported, in a form tests compare: the order of begins, ends and warnings, and
/// each part's content joined.
struct ReaderTrace: Equatable {
    /// "begin 1.2 text/plain", "end 1.2", "warning missing-closing-boundary 1"
    var structure: [String] = []
    /// Content by part index.
    var content: [Int: [UInt8]] = [:]
    /// Paths by part index.
    var paths: [Int: String] = [:]
    var parts: [Int: MIMEPart] = [:]

    static func == (lhs: ReaderTrace, rhs: ReaderTrace) -> Bool {
        lhs.structure == rhs.structure && lhs.content == rhs.content && lhs.paths == rhs.paths
    }

    /// Reads a message in the given chunking.
    static func read(_ message: [UInt8], _ chunking: Chunking = .whole, options: MIMEOptions = .default) -> ReaderTrace {
        var reader = MIMEReader(options: options)
        var trace = ReaderTrace()
        for chunk in chunking.split(message) {
            reader.feed(chunk)
            while let event = reader.next() { trace.record(event) }
        }
        reader.finish()
        while let event = reader.next() { trace.record(event) }
        return trace
    }

    static func read(_ message: String, _ chunking: Chunking = .whole, options: MIMEOptions = .default) -> ReaderTrace {
        read(Array(message.utf8), chunking, options: options)
    }

    mutating func record(_ event: MIMEEvent) {
        switch event {
        case .partBegin(let part):
            structure.append("begin \(part.path) \(part.contentType.mimeType)")
            paths[part.index] = part.path.description
            parts[part.index] = part
            content[part.index] = content[part.index] ?? []
        case .content(let index, let bytes):
            content[index, default: []].append(contentsOf: bytes.readableBytesView)
        case .partEnd(let end):
            structure.append("end \(end.path)")
        case .warning(let warning):
            structure.append("warning \(warning.kind.name) \(warning.path)")
        }
    }

    /// The content of the part at a path, as text.
    func text(_ path: String) -> String? {
        guard let index = parts.first(where: { $0.value.path.description == path && $0.value.isNumbered })?.key,
              let bytes = content[index] else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Paths and types of the begun parts, in order.
    var outline: [String] { structure.filter { $0.hasPrefix("begin ") }.map { String($0.dropFirst(6)) } }

    /// Warning kinds, in order.
    var warnings: [String] { structure.filter { $0.hasPrefix("warning ") }.map { String($0.dropFirst(8)) } }
}
