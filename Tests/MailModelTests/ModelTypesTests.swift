import MailModel
import Testing

@Suite struct ModelTypesTests {
    @Test func inboxIsCaseInsensitive() {
        #expect(MailboxName("inbox") == .inbox)
        #expect(MailboxName("Inbox/Sub").path == "INBOX/Sub")
        #expect(MailboxName("Inboxes").path == "Inboxes")
    }

    @Test func flagsNormalise() {
        #expect(Flag("\\Seen") == .seen)
        #expect(Flag("\\Seen").wireForm == "\\Seen")
        #expect(Flag("$Label1").name == "$label1")
        #expect(!Flag("$Label1").isSystem)
    }

    @Test func addressDescription() {
        #expect(Address(name: "Ann", address: "ann@example.org").description == "Ann <ann@example.org>")
        #expect(Address(address: "bob@example.org").description == "bob@example.org")
    }
}
