/// Splits a query's text into tokens.
///
/// A bare word ends at whitespace, `(`, `)` or `"`. `name:` at the start of a word is a field
/// when `name` is letters (then digits, `_` or `-`); the field's value is lexed without looking for
/// fields or operators and ends at whitespace, `)` or `"`. `AND`, `OR` and `NOT` are operators only in
/// capitals. Inside quotes, `\"` and `\\` stand for `"` and `\`.
struct QueryLexer {
    private let characters: [Character]
    private var position = 0
    private var expectingValue = false

    init(_ text: String) {
        characters = Array(text)
    }

    /// All tokens of the text.
    mutating func tokens() throws(QueryError) -> [QueryToken] {
        var result: [QueryToken] = []
        while let token = try next() { result.append(token) }
        return result
    }

    private mutating func next() throws(QueryError) -> QueryToken? {
        let whitespaceStart = position
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let spaceBefore = position > whitespaceStart
        guard position < characters.count else { return nil }
        let start = position
        let character = characters[position]
        let value = expectingValue && !spaceBefore
        expectingValue = false

        switch character {
        case "(":
            position += 1
            return QueryToken(kind: .leftParen, range: start..<position, spaceBefore: spaceBefore)
        case ")":
            position += 1
            return QueryToken(kind: .rightParen, range: start..<position, spaceBefore: spaceBefore)
        case "\"":
            return QueryToken(kind: .quoted(try quoted()), range: start..<position, spaceBefore: spaceBefore)
        case "-" where !value && position + 1 < characters.count && !characters[position + 1].isWhitespace
            && characters[position + 1] != ")":
            position += 1
            return QueryToken(kind: .minus, range: start..<position, spaceBefore: spaceBefore)
        default:
            break
        }

        if value {
            while position < characters.count, !characters[position].isWhitespace, characters[position] != ")",
                  characters[position] != "\"" {
                position += 1
            }
            return QueryToken(kind: .word(String(characters[start..<position])), range: start..<position,
                              spaceBefore: spaceBefore)
        }

        if let nameEnd = fieldNameEnd(from: start) {
            position = nameEnd + 1
            expectingValue = true
            let name = String(characters[start..<nameEnd])
            return QueryToken(kind: .field(name), range: start..<position, spaceBefore: spaceBefore)
        }

        while position < characters.count, !QueryLexer.endsWord(characters[position]) { position += 1 }
        let word = String(characters[start..<position])
        let kind: QueryToken.Kind
        switch word {
        case "AND": kind = .and
        case "OR": kind = .or
        case "NOT": kind = .not
        default: kind = .word(word)
        }
        return QueryToken(kind: kind, range: start..<position, spaceBefore: spaceBefore)
    }

    /// The index of the colon when a field name starts at `start`.
    private func fieldNameEnd(from start: Int) -> Int? {
        guard characters[start].isASCII, characters[start].isLetter else { return nil }
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == ":" { return index }
            guard character.isASCII, character.isLetter || character.isNumber || character == "_" || character == "-"
            else { return nil }
            index += 1
        }
        return nil
    }

    private mutating func quoted() throws(QueryError) -> String {
        let start = position
        position += 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if character == "\\", position + 1 < characters.count,
               characters[position + 1] == "\"" || characters[position + 1] == "\\" {
                text.append(characters[position + 1])
                position += 2
                continue
            }
            position += 1
            if character == "\"" { return text }
            text.append(character)
        }
        throw QueryError(.unbalancedQuote, "this quote is never closed: add a \" after the quoted text",
                         at: start..<characters.count)
    }

    static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }
}
