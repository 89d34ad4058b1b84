/// Splits a query's text into tokens.
///
/// A bare word ends at whitespace, `(`, `)` or `"`. `name:` at the start of a word is a field
/// when `name` is letters (then digits, `_` or `-`); the field's value is lexed without looking for
/// fields or operators and ends at whitespace, `)` or `"`. `AND`, `OR` and `NOT` are operators only in
/// capitals. Inside quotes, `\"` and `\\` stand for `"` and `\`.
///
/// The lexer reads Unicode scalars, not characters: a delimiter is one scalar, so a combining mark
/// after a space (which joins the space in one grapheme cluster) starts the next word instead of
/// vanishing with the space, and a query's canonical text lexes back to the same words. Token ranges
/// are still in characters of the text, as ``QueryError/range`` promises.
struct QueryLexer {
    private let scalars: [Unicode.Scalar]
    /// For each scalar offset (and the end), the offset of the character that holds it.
    private let characterOffsets: [Int]
    private var position = 0
    private var expectingValue = false

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var characterIndex = 0
        for character in text {
            for scalar in character.unicodeScalars {
                scalars.append(scalar)
                offsets.append(characterIndex)
            }
            characterIndex += 1
        }
        offsets.append(characterIndex)
        self.scalars = scalars
        characterOffsets = offsets
    }

    /// All tokens of the text.
    mutating func tokens() throws(QueryError) -> [QueryToken] {
        var result: [QueryToken] = []
        while let token = try next() { result.append(token) }
        return result
    }

    /// Characters of the text between two scalar offsets.
    private func range(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = characterOffsets[start]
        return lower..<max(lower, characterOffsets[end])
    }

    private func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    private mutating func next() throws(QueryError) -> QueryToken? {
        let whitespaceStart = position
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
        let spaceBefore = position > whitespaceStart
        guard position < scalars.count else { return nil }
        let start = position
        let scalar = scalars[position]
        let value = expectingValue && !spaceBefore
        expectingValue = false

        switch scalar {
        case "(":
            position += 1
            return QueryToken(kind: .leftParen, range: range(start, position), spaceBefore: spaceBefore)
        case ")":
            position += 1
            return QueryToken(kind: .rightParen, range: range(start, position), spaceBefore: spaceBefore)
        case "\"":
            let quoted = try quoted()
            return QueryToken(kind: .quoted(quoted), range: range(start, position), spaceBefore: spaceBefore)
        case "-" where !value && position + 1 < scalars.count && !scalars[position + 1].properties.isWhitespace
            && scalars[position + 1] != ")":
            position += 1
            return QueryToken(kind: .minus, range: range(start, position), spaceBefore: spaceBefore)
        default:
            break
        }

        if value {
            while position < scalars.count, !scalars[position].properties.isWhitespace, scalars[position] != ")",
                  scalars[position] != "\"" {
                position += 1
            }
            return QueryToken(kind: .word(text(start, position)), range: range(start, position), spaceBefore: spaceBefore)
        }

        if let nameEnd = fieldNameEnd(from: start) {
            position = nameEnd + 1
            expectingValue = true
            return QueryToken(kind: .field(text(start, nameEnd)), range: range(start, position), spaceBefore: spaceBefore)
        }

        while position < scalars.count, !QueryLexer.endsWord(scalars[position]) { position += 1 }
        let word = text(start, position)
        let kind: QueryToken.Kind
        switch word {
        case "AND": kind = .and
        case "OR": kind = .or
        case "NOT": kind = .not
        default: kind = .word(word)
        }
        return QueryToken(kind: kind, range: range(start, position), spaceBefore: spaceBefore)
    }

    /// The offset of the colon when a field name starts at `start`.
    private func fieldNameEnd(from start: Int) -> Int? {
        guard QueryLexer.isASCIILetter(scalars[start]) else { return nil }
        var index = start + 1
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ":" { return index }
            guard QueryLexer.isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
            else { return nil }
            index += 1
        }
        return nil
    }

    private mutating func quoted() throws(QueryError) -> String {
        let start = position
        position += 1
        var text = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\\", position + 1 < scalars.count, scalars[position + 1] == "\"" || scalars[position + 1] == "\\" {
                text.append(scalars[position + 1])
                position += 2
                continue
            }
            position += 1
            if scalar == "\"" { return String(text) }
            text.append(scalar)
        }
        throw QueryError(.unbalancedQuote, "this quote is never closed: add a \" after the quoted text",
                         at: range(start, scalars.count))
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Whether the scalar ends a bare word: whitespace, `(`, `)` or `"`.
    static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "(" || scalar == ")" || scalar == "\""
    }
}
