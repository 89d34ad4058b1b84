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
