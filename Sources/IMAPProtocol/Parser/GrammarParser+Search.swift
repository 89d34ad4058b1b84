import MailModel

extension GrammarParser {
    // mailbox-data =/ "SEARCH" *(SP nz-number) [SP "(" "MODSEQ" SP mod-sequence-value ")"]
    static func search(_ cursor: inout ParseCursor) throws -> UntaggedResponse {
        var numbers: [UInt32] = []
        var modSeq: ModSeq?
        while try !cursor.atLineEnd() {
            try cursor.space()
            if try cursor.peek() == UInt8(ascii: "(") {
                try cursor.expect(UInt8(ascii: "("), "'('")
                try cursor.expectKeyword("MODSEQ")
                try cursor.space()
                modSeq = ModSeq(try cursor.number())
                try cursor.expect(UInt8(ascii: ")"), "')'")
                continue
            }
            numbers.append(try cursor.number32())
        }
        return .search(numbers, modSeq: modSeq)
    }

    // esearch-response = "ESEARCH" [search-correlator] [SP "UID"] *(SP search-return-data)
    // search-correlator = SP "(" "TAG" SP tag-string ")"
    // search-return-data = "MIN" SP nz-number / "MAX" SP nz-number / "ALL" SP sequence-set /
    //                      "COUNT" SP number / "MODSEQ" SP mod-sequence-value / search-ret-data-ext
    static func extendedSearch(_ cursor: inout ParseCursor) throws -> ExtendedSearchResult {
        var result = ExtendedSearchResult()
        while try !cursor.atLineEnd() {
            try cursor.space()
            if try cursor.peek() == UInt8(ascii: "(") {
                try cursor.expect(UInt8(ascii: "("), "'('")
                try cursor.expectKeyword("TAG")
                try cursor.space()
                result.tag = WireText.decode(try cursor.astring())
                try cursor.expect(UInt8(ascii: ")"), "')' closing the search correlator")
                continue
            }
            let name = try cursor.keyword()
            if name == "UID" {
                result.uid = true
                continue
            }
            try cursor.space()
            switch name {
            case "MIN": result.min = try cursor.number32()
            case "MAX": result.max = try cursor.number32()
            case "COUNT": result.count = try cursor.int()
            case "ALL": result.all = try sequenceSet(&cursor)
            case "MODSEQ": result.modSeq = ModSeq(try cursor.number())
            default: try cursor.skipValue()
            }
        }
        return result
    }

    // expunged-resp = "VANISHED" [SP "(EARLIER)"] SP known-uids
    static func vanished(_ cursor: inout ParseCursor) throws -> UntaggedResponse {
        var earlier = false
        if try cursor.peek() == UInt8(ascii: "(") {
            try cursor.expect(UInt8(ascii: "("), "'('")
            try cursor.expectKeyword("EARLIER")
            try cursor.expect(UInt8(ascii: ")"), "')' after EARLIER")
            try cursor.space()
            earlier = true
        }
        return .vanished(UIDSet(rawRanges: try sequenceSet(&cursor)), earlier: earlier)
    }
}
