import Glibc
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
    ///
    /// Bytes are copied in runs: a run ends only at a line that starts with a byte an escapable
    /// `>*From ` can start with, so ordinary text costs one line-feed search per line.
    public mutating func write(_ chunk: ByteBuffer) -> ByteBuffer {
        var out = ByteBuffer()
        chunk.withUnsafeReadableBytes { write($0, into: &out) }
        return out
    }

    /// Escapes the next chunk of the message onto the end of `out` (a buffer the caller reuses).
    public mutating func write(_ raw: UnsafeRawBufferPointer, into out: inout ByteBuffer) {
        out.reserveCapacity(minimumWritableBytes: raw.count + pending.count + 8)
        let escapes = variant != .mboxcl2
        guard let base = raw.baseAddress else { return }
        let count = raw.count
        var runStart = 0
        var index = 0
        while index < count {
            if atLineStart && escapes {
                let byte = raw[index]
                if pending.isEmpty && variant == .mboxrd && byte == UInt8(ascii: ">") {
                    // A quote run is copied as it comes: escaping adds one `>` to the run, and one
                    // added after it (before `From `) reads the same. So only `From ` is ever held.
                    index += 1
                    continue
                }
                if pending.isEmpty && byte != UInt8(ascii: "F") {
                    atLineStart = false
                } else {
                    if runStart < index {
                        out.writeBytes(UnsafeRawBufferPointer(rebasing: raw[runStart..<index]))
                        lastByte = raw[index - 1]
                    }
                    decideLineStart(adding: byte, into: &out)
                    index += 1
                    runStart = index
                    continue
                }
            }
            // Skip to just after the next line feed.
            if let found = memchr(base + index, Int32(ASCII.lf), count - index) {
                index = base.distance(to: UnsafeRawPointer(found)) + 1
                atLineStart = true
            } else {
                index = count
            }
        }
        if runStart < count {
            out.writeBytes(UnsafeRawBufferPointer(rebasing: raw[runStart..<count]))
            lastByte = raw[count - 1]
        }
    }

    /// Adds a byte to the held line start and, once it is decided, writes it (escaped or not).
    private mutating func decideLineStart(adding byte: UInt8, into out: inout ByteBuffer) {
        pending.append(byte)
        switch MboxWriter.classify(pending) {
        case .undecided:
            return
        case .escape:
            out.writeInteger(UInt8(ascii: ">"))
            out.writeBytes(pending)
        case .plain:
            out.writeBytes(pending)
        }
        atLineStart = byte == ASCII.lf
        lastByte = byte
        pending.removeAll(keepingCapacity: true)
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

    /// Whether the bytes held after a line's quote run (at most five) make it `From `, not, or cannot
    /// yet be told.
    private static func classify(_ prefix: [UInt8]) -> Verdict {
        for offset in 0..<min(prefix.count, from.count) where prefix[offset] != from[offset] { return .plain }
        return prefix.count >= from.count ? .escape : .undecided
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
