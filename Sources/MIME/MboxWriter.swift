import MailModel
import NIOCore

/// Frames messages into an mbox (RFC 4155), streaming: an envelope line, the message with its
/// `From ` lines escaped per variant, and a blank line after each message.
///
/// ```swift
/// var writer = MboxWriter(variant: .mboxrd)
/// out.write(writer.beginMessage(sender: "ann@example.org", date: received))
/// for chunk in message { out.write(writer.write(chunk)) }
/// out.write(writer.endMessage())
/// ```
///
/// With ``MboxVariant/mboxcl2`` nothing is escaped; the messages must then carry a Content-Length.
public struct MboxWriter: Sendable {
    private let variant: MboxVariant
    private var atLineStart = true
    /// Bytes at the start of a line that may still become an escapable `>*From `.
    private var pending: [UInt8] = []
    private var lastByte: UInt8?

    /// Creates a writer.
    public init(variant: MboxVariant = .mboxrd) {
        self.variant = variant
    }

    /// The envelope line `From sender Mon Jan  1 00:00:00 2024` that starts a message.
    public mutating func beginMessage(sender: String, date: Timestamp) -> ByteBuffer {
        atLineStart = true
        pending = []
        lastByte = nil
        var cleaned = String(sender.unicodeScalars.filter { $0.value > 32 && $0.value != 127 })
        if cleaned.isEmpty { cleaned = "MAILER-DAEMON" }
        return ByteBuffer(string: "From \(cleaned) \(MboxWriter.asctime(date))\n")
    }

    /// Escapes the next chunk of the message.
    public mutating func write(_ chunk: ByteBuffer) -> ByteBuffer {
        var out = ByteBuffer()
        out.reserveCapacity(chunk.readableBytes + pending.count + 8)
        chunk.withUnsafeReadableBytes { raw in
            var runStart = 0
            var index = 0
            let count = raw.count
            while index < count {
                if atLineStart && variant != .mboxcl2 {
                    // Decide whether this line starts with (">"*)"From ".
                    let byte = raw[index]
                    pending.append(byte)
                    switch MboxWriter.classify(pending, variant: variant) {
                    case .undecided:
                        index += 1
                        continue
                    case .escape:
                        out.writeInteger(UInt8(ascii: ">"))
                        out.writeBytes(pending)
                    case .plain:
                        out.writeBytes(pending)
                    }
                    atLineStart = byte == ASCII.lf
                    lastByte = byte
                    pending.removeAll(keepingCapacity: true)
                    index += 1
                    runStart = index
                    continue
                }
                // Copy up to and including the next line feed.
                var end = index
                while end < count, raw[end] != ASCII.lf { end += 1 }
                if end < count {
                    end += 1
                    atLineStart = true
                }
                out.writeBytes(UnsafeRawBufferPointer(rebasing: raw[runStart..<end]))
                lastByte = raw[end - 1]
                index = end
                runStart = end
            }
        }
        return out
    }

    /// Ends the message: a final line feed if it lacked one, then the blank separator line.
    public mutating func endMessage() -> ByteBuffer {
        var out = ByteBuffer()
        if !pending.isEmpty {
            out.writeBytes(pending)
            lastByte = pending.last
            pending = []
        }
        if lastByte != nil && lastByte != ASCII.lf { out.writeInteger(ASCII.lf) }
        out.writeInteger(ASCII.lf)
        atLineStart = true
        lastByte = nil
        return out
    }

    private enum Verdict {
        case undecided
        case escape
        case plain
    }

    private static let from: [UInt8] = Array("From ".utf8)

    /// Whether a line start held so far needs escaping, does not, or cannot yet be told.
    private static func classify(_ prefix: [UInt8], variant: MboxVariant) -> Verdict {
        var index = 0
        if variant == .mboxrd {
            while index < prefix.count, prefix[index] == UInt8(ascii: ">") { index += 1 }
        }
        let rest = prefix.count - index
        for offset in 0..<min(rest, from.count) where prefix[index + offset] != from[offset] { return .plain }
        return rest >= from.count ? .escape : .undecided
    }

    /// `Mon Jan  1 00:00:00 2024` in UTC, the date form of envelope lines.
    static func asctime(_ date: Timestamp) -> String {
        let c = date.components
        let days = Int64((Double(date.rawValue) / 86_400).rounded(.down))
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][Int(((days + 4) % 7 + 7) % 7)]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][c.month - 1]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = c.day < 10 ? " \(c.day)" : "\(c.day)"
        return "\(weekday) \(month) \(day) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(c.year)"
    }
}
