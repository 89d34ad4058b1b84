import Testing
@testable import MIME

@Suite("format=flowed")
struct FlowedTextTests {
    @Test("RFC 3676 soft breaks, quotes, stuffing, signature")
    func unflow() {
        let text = "This is a \nflowed line.\n> quoted \n> continues\n>> deeper\n From stuffed\n-- \nsig"
        let expected = "This is a flowed line.\n> quoted continues\n>> deeper\nFrom stuffed\n-- \nsig"
        #expect(FlowedText.unflow(text, delSp: false) == expected)
    }

    @Test("delsp=yes deletes the soft-break space")
    func delSp() {
        #expect(FlowedText.unflow("Ver \nbinding", delSp: true) == "Verbinding")
    }
}
