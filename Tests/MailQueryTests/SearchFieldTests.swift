@testable import MailQuery
import Testing

@Suite("SearchField table")
struct SearchFieldTableTests {
    @Test func namesAreUniqueAndLowercase() {
        let names = SearchField.all.flatMap(\.names)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
    }

    @Test func everyFieldOfCLIExists() {
        let documented = ["from", "to", "cc", "bcc", "recip", "subject", "body", "attachment", "filename", "mime", "has",
                          "id", "mid", "thread", "folder", "account", "date", "before", "after", "size", "flag", "list",
                          "hold", "is", "query"]
        for name in documented { #expect(SearchField.named(name) != nil, "\(name): missing") }
        #expect(SearchField.named("FROM") == .from)
        #expect(SearchField.named("filename") == .attachment)
    }

    @Test(arguments: SearchField.all.filter { $0.kind != .savedQuery })
    func exampleParses(_ field: SearchField) throws {
        let node = try QueryParser(now: now).parse(field.example)
        #expect(node.terms.first?.field?.name == (field.kind == .before || field.kind == .after ? "date" : field.name))
    }

    @Test func prefixesDoNotCollide() {
        // A boolean prefix must not start with a text prefix followed by a lowercase letter, and
        // two boolean prefixes must not be prefixes of each other (a term could be read as both).
        let boolean = Set(SearchField.all.flatMap(\.index.booleanPrefixes) + ["Q"])
        for a in boolean {
            for b in boolean where a != b { #expect(!b.hasPrefix(a), "\(a) is a prefix of \(b)") }
        }
        let text = Set(SearchField.all.flatMap(\.index.textPrefixes))
        for prefix in text.union(boolean) {
            #expect(prefix.allSatisfy { $0.isUppercase }, "\(prefix) must be capitals")
        }
    }

    @Test func freeTextCoversSubjectBodyAndPeople() {
        #expect(SearchField.freeTextPrefixes == ["XF", "XT", "XC", "XB", "S", ""])
    }

    @Test func helpListsEveryField() {
        let help = SearchField.helpText
        for field in SearchField.all {
            #expect(help.contains(field.name + ":"))
            #expect(help.contains(field.example))
        }
    }

    @Test func completions() {
        #expect(SearchField.completions(for: "fr") == ["from:"])
        #expect(SearchField.completions(for: "f") == ["filename:", "flag:", "folder:", "from:"])
        #expect(SearchField.completions(for: "flag:s") == ["flag:seen"])
        #expect(SearchField.completions(for: "has:") == ["has:attachment"])
        #expect(SearchField.completions(for: "nope:x").isEmpty)
    }
}
