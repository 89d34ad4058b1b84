/// Reads `size:` values: `>N`, `>=N`, `<N`, `<=N`, `N`, `A..B` (either side may be empty), where a
/// number may have a fraction and a unit `k`, `M` or `G` (powers of 1024, any case, optionally
/// followed by `B` or `iB`).
enum SizeParser {
    /// The largest size accepted (2^53 bytes), so that sizes convert exactly to floating point.
    static let maximum: Int64 = 1 << 53

    static func range(_ text: String, at range: Range<Int>) throws(QueryError) -> SizeRange {
        func number(_ part: Substring) throws(QueryError) -> Int64 {
            guard let value = bytes(part) else { throw bad(text, at: range) }
            return value
        }
        let result: SizeRange
        if let (lowerText, upperText) = text.splitAtDots() {
            guard !lowerText.isEmpty || !upperText.isEmpty else { throw bad(text, at: range) }
            result = SizeRange(lower: lowerText.isEmpty ? nil : try number(lowerText),
                               upper: upperText.isEmpty ? nil : try number(upperText))
        } else if text.hasPrefix(">=") {
            result = SizeRange(lower: try number(text.dropFirst(2)), upper: nil)
        } else if text.hasPrefix("<=") {
            result = SizeRange(lower: nil, upper: try number(text.dropFirst(2)))
        } else if text.hasPrefix(">") {
            result = SizeRange(lower: try number(text.dropFirst()) + 1, upper: nil)
        } else if text.hasPrefix("<") {
            let limit = try number(text.dropFirst())
            guard limit > 0 else {
                throw QueryError(.badSize, "size: no message is smaller than 0 bytes", at: range)
            }
            result = SizeRange(lower: nil, upper: limit - 1)
        } else {
            let exact = try number(Substring(text.hasPrefix("=") ? String(text.dropFirst()) : text))
            result = SizeRange(lower: exact, upper: exact)
        }
        if let lower = result.lower, let upper = result.upper, upper < lower {
            throw QueryError(.badSize, "size: the range \"\(text)\" ends (\(upper) bytes) below its start (\(lower) bytes)",
                             at: range)
        }
        return result
    }

    /// A number of bytes: digits, an optional fraction, an optional unit.
    static func bytes(_ text: Substring) -> Int64? {
        var digits = Substring(text)
        var multiplier: Int64 = 1
        var lower = text.lowercased()
        for suffix in ["ib", "b"] where lower.hasSuffix(suffix) && lower.count > suffix.count {
            lower.removeLast(suffix.count)
            if suffix == "ib", !(lower.last.map { "kmg".contains($0) } ?? false) { return nil }
            break
        }
        if let unit = lower.last, "kmg".contains(unit) {
            multiplier = unit == "k" ? 1024 : unit == "m" ? 1024 * 1024 : 1024 * 1024 * 1024
            lower.removeLast()
        }
        digits = Substring(lower)
        let pieces = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty, pieces[0].count <= 16,
              pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        guard let whole = Int64(pieces[0]) else { return nil }
        var value = whole.multipliedReportingOverflow(by: multiplier)
        guard !value.overflow else { return nil }
        if pieces.count == 2 {
            let fraction = pieces[1].prefix(9)
            guard !pieces[1].isEmpty, let numerator = Int64(fraction) else { return nil }
            var denominator: Int64 = 1
            for _ in fraction { denominator *= 10 }
            value.partialValue += (numerator * multiplier + denominator / 2) / denominator
        }
        guard value.partialValue <= maximum else { return nil }
        return value.partialValue
    }

    private static func bad(_ text: String, at range: Range<Int>) -> QueryError {
        QueryError(.badSize, "size: \"\(text)\" is not a size; use bytes with an optional unit k, M or G "
                   + "(k = 1024 bytes), e.g. size:>1M, size:<10k or size:10k..2M", at: range)
    }
}
