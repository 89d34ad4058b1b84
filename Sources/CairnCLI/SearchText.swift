import Archive
import Foundation
import MailIndex
import MailModel
import MailQuery
import MailStore

/// `search` as a readable table: date, sender, subject and short id, then a line of snippet with
/// the matched words marked (bold on a terminal, `[...]` otherwise).
struct SearchText {
    let searcher: ArchiveSearcher
    let out: BufferedOutput

    func render(_ query: SearchQuery, order: SearchOrder, offset: Int, limit: Int, quiet: Bool) throws {
        let page = try searcher.search(query, order: order, offset: offset, limit: limit)
        let terminal = FileHandleOutput.standardOutput.isTerminal
        let width = max(60, TerminalWidth.columns(default: 100))
        let snippets = query.matchesAll || page.messages.isEmpty ? nil : try searcher.snippets(for: query)
        let (start, end) = terminal ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
        let subjectWidth = max(10, width - 10 - 2 - 20 - 2 - 2 - 12)
        for message in page.messages {
            let date = message.date.map { String($0.iso8601.prefix(10)) } ?? "(no date)"
            let from = message.from.first.map { $0.name.flatMap { $0.isEmpty ? nil : $0 } ?? $0.address } ?? "(nobody)"
            let subject = message.subject.flatMap { $0.isEmpty ? nil : $0 } ?? "(no subject)"
            out.write(date.padded(10) + "  " + from.fitted(20) + "  " + subject.fitted(subjectWidth) + "  "
                      + String(message.id.hex.prefix(12)) + "\n")
            if let snippets {
                let snippet = searcher.snippet(of: message.key, with: snippets, length: width - 14, start: start, end: end)
                if !snippet.isEmpty { out.write("            " + snippet + "\n") }
            }
        }
        let shown = page.messages.count
        if !quiet && (offset + shown < page.total || shown == 0) {
            out.flush()
            let about = page.isExact ? "" : "about "
            let message = shown == 0 ? "no messages match\n"
                : "\(shown) of \(about)\(page.total) messages shown (--limit N and --offset N for more)\n"
            FileHandleOutput.standardError.write(message)
        }
    }
}

/// The width of the terminal on standard output.
enum TerminalWidth {
    static func columns(default fallback: Int) -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return fallback
    }
}

extension String {
    /// Columns the text takes on a terminal (East Asian wide characters take two).
    var displayWidth: Int {
        unicodeScalars.reduce(0) { $0 + Self.width(of: $1) }
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x300...0x36F).contains(value) || value == 0x200B { return 0 }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                                           0x20000...0x3FFFD]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// The text cut (with "…") or padded with spaces to exactly `width` columns, on one line.
    func fitted(_ width: Int) -> String {
        let flat = String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
        if flat.displayWidth <= width { return flat.padded(width) }
        var result = ""
        var used = 0
        for character in flat {
            let size = String(character).displayWidth
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return (result + "…").padded(width)
    }

    /// The text padded with spaces to `width` columns (never cut).
    func padded(_ width: Int) -> String {
        let current = displayWidth
        return current >= width ? self : self + String(repeating: " ", count: width - current)
    }
}
