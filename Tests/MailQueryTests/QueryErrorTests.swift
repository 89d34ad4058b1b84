@testable import MailQuery
import Testing

@Suite("Query errors")
struct QueryErrorTests {
    /// A bad query, the kind of error, where it points, and words the message must contain.
    struct Fixture: CustomTestStringConvertible, Sendable {
        let query: String
        let code: QueryError.Code
        let range: Range<Int>
        let words: [String]
        var testDescription: String { query }
        init(_ query: String, _ code: QueryError.Code, _ range: Range<Int>, _ words: String...) {
            self.query = query
            self.code = code
            self.range = range
            self.words = words
        }
    }

    static let fixtures: [Fixture] = [
        Fixture("from:", .missingValue, 0..<5, "from:", "needs a value", "from:ann@example.org"),
        Fixture("budget from: ann", .missingValue, 7..<12, "from:", "needs a value"),
        Fixture("(from:)", .missingValue, 1..<6, "from:"),
        Fixture("frm:ann", .unknownField, 0..<4, "unknown field", "frm:", "did you mean from:?"),
        Fixture("subjet:x", .unknownField, 0..<7, "did you mean subject:?"),
        Fixture("attachement:x", .unknownField, 0..<12, "did you mean attachment:?"),
        Fixture("http://example.org", .unknownField, 0..<5, "quotes"),
        Fixture("zzz:x", .unknownField, 0..<4, "unknown field"),
        Fixture("\"budget report", .unbalancedQuote, 0..<14, "never closed"),
        Fixture("from:\"Ann", .unbalancedQuote, 5..<9, "never closed"),
        Fixture("(budget", .unbalancedParenthesis, 0..<1, "never closed"),
        Fixture("a (b (c)", .unbalancedParenthesis, 2..<3, "never closed"),
        Fixture("budget)", .unbalancedParenthesis, 6..<7, "closes no"),
        Fixture(")", .unbalancedParenthesis, 0..<1, "closes no"),
        Fixture("()", .misplacedOperator, 0..<2, "nothing between"),
        Fixture("date:2024-13", .badDate, 0..<12, "month", "01 to 12"),
        Fixture("date:2023-02-29", .badDate, 0..<15, "28 days"),
        Fixture("date:yesterdy", .badDate, 0..<13, "not a date", "YYYY-MM-DD"),
        Fixture("date:2024..2023", .badDate, 0..<15, "ends", "before it starts"),
        Fixture("date:..", .badDate, 0..<7, "at least one side"),
        Fixture("before:soon", .badDate, 0..<11, "before:", "not a date"),
        Fixture("date:24", .badDate, 0..<7, "not a date"),
        Fixture("size:big", .badSize, 0..<8, "not a size", "size:>1M"),
        Fixture("size:10q", .badSize, 0..<8, "not a size"),
        Fixture("size:2M..1M", .badSize, 0..<11, "ends"),
        Fixture("size:<0", .badSize, 0..<7, "smaller than 0"),
        Fixture("size:>", .badSize, 0..<6, "not a size"),
        Fixture("size:1ib", .badSize, 0..<8, "not a size"),
        Fixture("flag:seenn", .badValue, 0..<10, "did you mean flag:seen?"),
        Fixture("flag:recent", .badValue, 0..<11, "flag:"),
        Fixture("flag:\\\\x", .badValue, 0..<8, "IMAP keyword"),
        Fixture("flag:été", .badValue, 0..<8, "IMAP keyword"),
        Fixture("has:attachments", .badValue, 0..<15, "did you mean has:attachment?"),
        Fixture("is:deleted", .badValue, 0..<10, "is:expunged"),
        Fixture("OR budget", .misplacedOperator, 0..<2, "OR needs a term before it"),
        Fixture("budget OR", .misplacedOperator, 7..<9, "OR needs a term after it"),
        Fixture("budget AND", .misplacedOperator, 7..<10, "AND needs a term after it"),
        Fixture("a AND OR b", .misplacedOperator, 2..<5, "AND needs a term after it"),
        Fixture("NOT", .misplacedOperator, 0..<3, "NOT needs a term after it"),
        Fixture("a NOT )", .misplacedOperator, 2..<5, "NOT needs a term after it"),
        Fixture("*budget", .badWord, 0..<7, "end a word"),
        Fixture("bu*dget", .badWord, 0..<7, "end a word"),
        Fixture("from:*", .badWord, 0..<6, "end a word"),
        Fixture("!!!", .badWord, 0..<3, "no letters or digits"),
        Fixture("\"...\"", .badWord, 0..<5, "no letters or digits"),
        Fixture("-", .badWord, 0..<1, "no letters or digits"),
        Fixture("id:<>", .missingValue, 0..<5, "id:"),
        Fixture("query:nope", .badSavedQuery, 0..<10, "no saved search", "nope"),
        Fixture("query:loop", .badSavedQuery, 0..<10, "loop", "loop -> again -> loop"),
        Fixture("query:broken", .unknownField, 0..<12, "in saved search \"broken\"", "frm:"),
    ]

    static let saved = ["loop": "query:again", "again": "query:loop", "broken": "frm:x"]

    @Test(arguments: fixtures)
    func reports(_ fixture: Fixture) {
        do {
            let node = try QueryParser(now: now).parse(fixture.query, savedQuery: { QueryErrorTests.saved[$0] })
            Issue.record("parsed as \(node.canonicalText)")
        } catch {
            #expect(error.code == fixture.code)
            #expect(error.range == fixture.range)
            for word in fixture.words {
                #expect(error.message.contains(word), "\"\(error.message)\" lacks \"\(word)\"")
            }
        }
    }

    @Test func markerUnderlinesTheProblem() throws {
        let query = "budget frm:ann"
        do {
            _ = try QueryParser(now: now).parse(query)
            Issue.record("no error")
        } catch {
            #expect(error.marker(under: query) == "       ^^^^")
            #expect(error.description.contains("at character 8"))
        }
    }

    @Test func limitsStopHostileQueries() {
        let options = QueryParser.Options(maxLength: 100, maxDepth: 5, maxTerms: 3, maxSavedQueryDepth: 2)
        func code(_ text: String, saved: [String: String] = [:]) -> QueryError.Code? {
            do {
                _ = try QueryParser(now: now, options: options).parse(text, savedQuery: { saved[$0] })
                return nil
            } catch {
                return error.code
            }
        }
        #expect(code(String(repeating: "a ", count: 60)) == .tooComplex)
        #expect(code("((((((a))))))") == .tooComplex)
        #expect(code("NOT NOT NOT NOT NOT NOT a") == .tooComplex)
        #expect(code("a b c d") == .tooComplex)
        #expect(code("a b c") == nil)
        #expect(code("query:a", saved: ["a": "query:b", "b": "query:c", "c": "x"]) == .tooComplex)
        #expect(code("query:a", saved: ["a": "query:b", "b": "x"]) == nil)
    }
}
