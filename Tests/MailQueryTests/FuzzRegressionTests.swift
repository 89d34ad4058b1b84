import MailModel
import MailQuery
import Testing

/// Inputs the fuzzer (Fuzz/FuzzQuery) found, kept so they stay fixed: the canonical text of a
/// parsed query must parse back to itself.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let inputs: [[UInt8]] = [
        Array(base64: "Zm8gLWZsYWc6KDMgSU9SbnQgMgwMDAwMDAwMDAwMDAwMc3UwagwMDHN1YmoMDFcAAAAMLAwMNC0wMiDn5+fn5+fn5yAmTyAtdP//ZnJ0LT4xTSAtF2YhbGHdT1J4ICZPUmBcIFxcXFGReSlxdWVyeTpi"),
        // 2026-11-28: a word starting with a combining mark (U+05A1) after a newline; the canonical
        // text put it after a space, where it joined the space's grapheme cluster and vanished.
        Array(base64: "YSAAUk8AACogLS1kCtah0i1kbGZlYqwAAAAA/////////2xmJWIAKiAtLWRsZmVirAAqIC0tZGRsZmVirAAAAABsZmViACogLS1kbGZlYqwAAAAADA=="),
    ]

    /// Terms that begin or end with scalars that join a neighbouring delimiter in one grapheme
    /// cluster (combining marks, prepended marks) keep every scalar through the canonical text.
    @Test(arguments: ["a\n\u{05A1}b", "a\n\u{0301}b*", "from:ann\n\u{0301}x", "x\u{0600}\ny",
                      "subject:(\u{0301}a OR b)", "id:\u{0301}x@y", "\"\u{0301}q\" z"])
    func combiningMarksSurvive(_ text: String) throws {
        let query = try SearchQuery.parse(text, now: now, savedQuery: { _ in nil })
        let again = try SearchQuery.parse(query.description, now: now, savedQuery: { _ in nil })
        #expect(again.description == query.description)
        #expect(again.root.terms.map(\.value) == query.root.terms.map(\.value))
        func marks(_ text: String) -> Int { text.unicodeScalars.filter { $0.value >= 0x300 }.count }
        #expect(marks(again.description) == marks(text))
    }

    @Test(arguments: inputs)
    func canonicalTextIsStable(_ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        let saved = ["a": "from:ann OR subject:\"x y\"", "b": "query:a -flag:seen", "loop": "query:loop"]
        guard let query = try? SearchQuery.parse(text, now: now, savedQuery: { saved[$0] }) else { return }
        let again = try SearchQuery.parse(query.description, now: now, savedQuery: { saved[$0] })
        #expect(again.description == query.description)
        #expect(again.root.terms.map(\.value) == query.root.terms.map(\.value))
    }
}

extension Array where Element == UInt8 {
    /// Decodes standard base64 (test inputs only).
    init(base64 text: String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var values: [UInt8: UInt8] = [:]
        for (index, byte) in alphabet.enumerated() { values[byte] = UInt8(index) }
        var bits = 0, buffer = 0
        var out: [UInt8] = []
        for byte in text.utf8 {
            guard let value = values[byte] else { continue }
            buffer = buffer << 6 | Int(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> bits) & 0xFF))
            }
        }
        self = out
    }
}
