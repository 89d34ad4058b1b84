import Foundation
@testable import MailIndex
import MailModel
import Testing

/// A body text longer than `IndexLayout.fullTextBytes`: the head is indexed fully, the tail by its
/// stems alone.
@Suite("Full-text limit")
struct FullTextLimitTests {
    @Test func aSpaceRightAtTheLimitIsTheCut() {
        let head = String(repeating: "x", count: IndexLayout.fullTextBytes)
        let (cutHead, tail) = IndexLayout.splitFullText(head + " tail words")
        #expect(cutHead.utf8.count == IndexLayout.fullTextBytes)
        #expect(tail == " tail words")
    }

    @Test func aShortTextIsNotCut() {
        let text = "short text, well under the limit"
        let (head, tail) = IndexLayout.splitFullText(text)
        #expect(head == text[...])
        #expect(tail.isEmpty)
    }

    @Test func aLongTextIsCutAtASpaceWithinTheLimit() {
        let text = String(repeating: "lorem ipsum ", count: IndexLayout.fullTextBytes / 12 + 500)
        let (head, tail) = IndexLayout.splitFullText(text)
        #expect(head.utf8.count <= IndexLayout.fullTextBytes)
        #expect(head.utf8.count > IndexLayout.fullTextBytes - 1024)
        #expect(tail.first == " ", "the cut falls on a space: \(tail.prefix(12))")
        #expect(String(head) + String(tail) == text)
    }

    @Test(arguments: ["é", "日本", "e\u{301}", "👩‍👩‍👧", "a" + String(repeating: "\u{301}", count: 200)])
    func aTextWithoutSpacesIsCutBetweenCharacters(_ piece: String) {
        let text = String(repeating: piece, count: IndexLayout.fullTextBytes / piece.utf8.count + 100)
        let (head, tail) = IndexLayout.splitFullText(text)
        #expect(head.utf8.count <= IndexLayout.fullTextBytes)
        #expect(head.utf8.count > IndexLayout.fullTextBytes - 64)
        #expect(tail.unicodeScalars.first.map { piece.unicodeScalars.contains($0) } == true,
                "the tail starts with a whole scalar of \(piece)")
        #expect(String(head) + String(tail) == text)
    }

    @Test func theTailIsFoundByItsWordsButNotByPhrases() throws {
        let filler = String(repeating: "plain filler words ", count: IndexLayout.fullTextBytes / 19 + 10)
        let body = "the harbour meeting opened early. " + filler + "the lighthouse keepers gathered at dawn."
        let document = IndexDocument(rowID: 1, messageID: MessageID.of(Array(body.utf8)), subject: "long",
                                     bodyText: body)
        let other = IndexDocument(rowID: 2, messageID: MessageID.of(Array("other".utf8)), subject: "other",
                                  bodyText: "nothing about lighthouses or harbours here, keeper")
        let index = TemporaryIndex()
        let (_, reader) = try index.build([document, other])
        // The head: words, stems and phrases.
        #expect(try reader.rows("harbour") == [1, 2])
        #expect(try reader.rows("\"harbour meeting\"") == [1])
        #expect(try reader.rows("meetings") == [1])
        // The tail: words and their other forms, by stem.
        #expect(try reader.rows("lighthouse") == [1, 2])
        #expect(try reader.rows("gathered") == [1])
        #expect(try reader.rows("gathering") == [1])
        #expect(try reader.rows("keepers AND dawn") == [1])
        // The tail has stems only: a quoted word (unstemmed) is not found there.
        #expect(try reader.rows("\"gathered\"") == [])
        #expect(try reader.rows("\"harbour\"") == [1], "a quoted word is found in the head")
    }
}
