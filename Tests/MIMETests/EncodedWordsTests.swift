import Testing
@testable import MIME

@Suite("RFC 2047 encoded-words")
struct EncodedWordsTests {
    @Test("decoding", arguments: [
        ("=?utf-8?B?Y2Fmw6k=?=", "café"),
        ("=?ISO-8859-1?Q?caf=E9?=", "café"),
        ("=?iso-8859-1?q?a_b?=", "a b"),
        // Adjacent words are joined without the whitespace between them (RFC 2047 6.2).
        ("=?utf-8?q?ab?= =?utf-8?q?cd?=", "abcd"),
        ("=?utf-8?q?ab?=\t  =?utf-8?q?cd?=", "abcd"),
        // Whitespace between a word and plain text stays.
        ("Re: =?utf-8?q?caf=C3=A9?= ok", "Re: café ok"),
        // A character split between two words survives.
        ("=?utf-8?B?4oI=?= =?utf-8?B?rA==?=", "€"),
        // Words in different charsets.
        ("=?iso-8859-1?q?=E9?= =?koi8-r?b?8tXT08vJyg==?=", "éРусский"),
        // RFC 2231 language suffix.
        ("=?utf-8*en?q?hello?=", "hello"),
        // Glued to other text, spaces inside Q text, missing padding: repaired.
        ("foo=?utf-8?q?bar?=baz", "foobarbaz"),
        ("=?utf-8?q?hello world?=", "hello world"),
        ("=?utf-8?b?Y2Fmw6k?=", "café"),
        // Not encoded-words.
        ("=?utf-8?x?abc?=", "=?utf-8?x?abc?="),
        ("plain =? text ?= here", "plain =? text ?= here"),
        ("=?utf-8?q?unterminated", "=?utf-8?q?unterminated"),
    ])
    func decode(_ input: String, _ expected: String) {
        #expect(EncodedWords.decode(input).text == expected)
    }

    @Test("unknown charsets fall back to UTF-8, then Windows-1252, and count as malformed")
    func unknownCharset() {
        let utf8 = EncodedWords.decode("=?x-bogus?q?caf=C3=A9?=")
        #expect(utf8.text == "café")
        #expect(utf8.malformed == 1)
        let latin = EncodedWords.decode("=?x-bogus?q?caf=E9?=")
        #expect(latin.text == "café")
    }

    @Test("thousands of encoded-words, or markers that never close, take linear time")
    func endlessWords() {
        let many = String(repeating: "=?utf-8?q?a?= ", count: 20_000)
        let decoded = EncodedWords.decode(many)
        let joined = decoded.text == String(repeating: "a", count: 20_000) + " "
        #expect(joined)
        let open = String(repeating: "=?utf-8?q?abc ", count: 20_000)
        let unchanged = EncodedWords.decode(open).text == open
        #expect(unchanged)
    }
}
