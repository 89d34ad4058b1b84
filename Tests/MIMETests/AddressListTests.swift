import MailModel
import Testing
@testable import MIME

@Suite("Address lists")
struct AddressListTests {
    private func parse(_ text: String) -> [Address] {
        AddressList.parse(text).addresses
    }

    @Test("RFC 5322 forms", arguments: [
        ("ann@example.org", [Address(address: "ann@example.org")]),
        ("Ann Lee <ann@example.org>", [Address(name: "Ann Lee", address: "ann@example.org")]),
        ("\"Lee, Ann\" <ann@example.org>, bob@example.org",
         [Address(name: "Lee, Ann", address: "ann@example.org"), Address(address: "bob@example.org")]),
        ("ann@example.org (Ann Lee)", [Address(name: "Ann Lee", address: "ann@example.org")]),
        ("team: ann@example.org, Bob <bob@example.org>;, carl@example.org",
         [Address(address: "ann@example.org"), Address(name: "Bob", address: "bob@example.org"), Address(address: "carl@example.org")]),
        ("undisclosed-recipients:;", []),
        ("<@relay.example:ann@example.org>", [Address(address: "ann@example.org")]),
        ("=?utf-8?q?Ren=C3=A9?= <rene@example.org>", [Address(name: "René", address: "rene@example.org")]),
        ("\"=?utf-8?q?Ren=C3=A9?=\" <rene@example.org>", [Address(name: "René", address: "rene@example.org")]),
        ("ann@example.org; bob@example.org", [Address(address: "ann@example.org"), Address(address: "bob@example.org")]),
        ("Ann <ann@example.org", [Address(name: "Ann", address: "ann@example.org")]),
        ("root", [Address(address: "root")]),
    ])
    func forms(_ input: String, _ expected: [Address]) {
        #expect(parse(input) == expected)
    }

    @Test("damaged lists are repaired and say so")
    func repaired() {
        let result = AddressList.parse("Ann Lee, \"unterminated <x@example.org>")
        #expect(result.repaired)
        #expect(result.addresses.first == Address(name: "Ann Lee", address: ""))
    }
}
