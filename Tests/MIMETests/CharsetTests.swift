import Testing
@testable import MIME

@Suite("Charsets")
struct CharsetTests {
    private func decode(_ bytes: [UInt8], _ label: String?) -> DecodedText {
        Charset(label: label).decode(bytes)
    }

    @Test("charsets through iconv", arguments: [
        ([0xF2, 0xD5, 0xD3, 0xD3, 0xCB, 0xC9, 0xCA] as [UInt8], "koi8-r", "Русский"),
        ([0xD0, 0xF3, 0xF1, 0xF1, 0xEA, 0xE8, 0xE9], "windows-1251", "Русский"),
        ([0x82, 0xB1, 0x82, 0xF1, 0x82, 0xC9, 0x82, 0xBF, 0x82, 0xCD], "shift_jis", "こんにちは"),
        ([0xA4, 0xB3, 0xA4, 0xF3, 0xA4, 0xCB, 0xA4, 0xC1, 0xA4, 0xCF], "euc-jp", "こんにちは"),
        (Array("\u{1B}$B$3$s$K$A$O\u{1B}(B".utf8), "iso-2022-jp", "こんにちは"),
        ([0xC4, 0xE3, 0xBA, 0xC3], "gb2312", "你好"),
        ([0xA7, 0x41, 0xA6, 0x6E], "big5", "你好"),
        ([0xBE, 0xC8, 0xB3, 0xE7], "ks_c_5601-1987", "안녕"),
        ([0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00], "utf-16", "hé"),
        (Array("Hi +AOk-".utf8), "utf-7", "Hi é"),
        ([0xA4], "iso-8859-15", "€"),
        ([0x80, 0x93, 0x94], "iso-8859-1", "€“”"),
        ([0xE9], "\"ISO_8859-1\"", "é"),
    ])
    func iconvCharsets(_ bytes: [UInt8], _ label: String, _ expected: String) {
        let decoded = decode(bytes, label)
        #expect(decoded.text == expected, "\(label)")
        #expect(decoded.replaced == 0)
    }

    @Test("mislabels: US-ASCII or no label with 8-bit bytes, UTF-8 that is not, legacy labels on UTF-8")
    func mislabels() {
        let utf8 = decode(Array("café".utf8), "us-ascii")
        #expect(utf8.text == "café")
        #expect(utf8.fallback == "utf-8")
        let latin = decode([0x63, 0x61, 0x66, 0xE9], nil)
        #expect(latin.text == "café")
        #expect(latin.fallback == "windows-1252")
        let notUTF8 = decode([0x63, 0x61, 0x66, 0xE9], "utf-8")
        #expect(notUTF8.text == "café")
        #expect(notUTF8.fallback == "windows-1252")
        let reallyUTF8 = decode(Array("naïve".utf8), "iso-8859-1")
        #expect(reallyUTF8.text == "naïve")
        #expect(reallyUTF8.fallback == "utf-8")
    }

    @Test("unlabelled Japanese is recognised; unlabelled Western text is not taken for it")
    func unlabelledJapanese() {
        let sjis: [UInt8] = [0x82, 0xB1, 0x82, 0xF1, 0x82, 0xC9, 0x82, 0xBF, 0x82, 0xCD, 0x81, 0x41, 0x90, 0xA2, 0x8A, 0x45]
        let japanese = decode(sjis, nil)
        #expect(japanese.text == "こんにちは、世界")
        #expect(japanese.fallback == "shift_jis")
        let jis = decode(Array("\u{1B}$B$3$s$K$A$O\u{1B}(B".utf8), "us-ascii")
        #expect(jis.text == "こんにちは")
        let western = "Résumé über naïve façade, très déjà vu: ça coûte élevé à Zürich".unicodeScalars.map { UInt8($0.value) }
        let latin = decode(western, nil)
        #expect(latin.fallback == "windows-1252")
        #expect(latin.text == "Résumé über naïve façade, très déjà vu: ça coûte élevé à Zürich")
    }

    @Test("undecodable bytes become U+FFFD and are counted; unknown labels fall back")
    func undecodable() {
        let broken = decode(Array("ok ".utf8) + [0xE2, 0x82] + Array(" é".utf8), "utf-8")
        #expect(broken.text == "ok \u{FFFD} é")
        #expect(broken.replaced >= 1)
        let badShiftJIS = decode([0x82, 0xB1, 0xFF, 0x41], "shift_jis")
        #expect(badShiftJIS.text.hasPrefix("こ"))
        #expect(badShiftJIS.replaced >= 1)
        let unknown = decode([0x63, 0x61, 0x66, 0xE9], "x-klingon")
        #expect(unknown.unknownLabel)
        #expect(unknown.text == "café")
    }

    @Test("aliases name the right decoder", arguments: [
        ("UTF8", "utf-8"), ("latin1", "windows-1252"), ("win-1251", "cp1251"), ("cp-1250", "cp1250"),
        ("iso8859_2", "iso-8859-2"), ("GBK", "gb18030"), ("x-unknown", "us-ascii"), ("utf-8*en", "utf-8"),
    ])
    func aliases(_ label: String, _ canonical: String) {
        #expect(Charset(label: label).description == canonical)
    }
}
