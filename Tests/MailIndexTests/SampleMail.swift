import MailIndex
import MailModel

/// A small hand-built mailbox whose every message is there for a reason; the tests check exact
/// result sets against it.
enum SampleMail {
    static func id(_ row: Int64) -> MessageID { MessageID.of(Array("sample message \(row)".utf8)) }

    static let documents: [IndexDocument] = [
        IndexDocument(
            rowID: 1, messageID: id(1), subject: "Quarterly report",
            bodyText: "The quarterly budget report is attached. Please review the budget numbers.",
            from: [Address(name: "Ann Smith", address: "ann@example.org")], to: [Address(address: "bob@example.com")],
            attachmentNames: ["Q1 Report.pdf"], contentTypes: ["multipart/mixed", "text/plain", "application/pdf; name=x"],
            messageIDHeader: "<q1@example.org>", date: utc(2024, 1, 15, 10), size: 50_000,
            state: MessageState(places: [place("work", "INBOX")], flags: [.seen], threadID: "t1")),
        IndexDocument(
            rowID: 2, messageID: id(2), subject: "Re: Quarterly report",
            bodyText: "Thanks, the report looks good. Budget approved.",
            from: [Address(name: "Bob", address: "bob@example.com")], to: [Address(address: "ann@example.org")],
            contentTypes: ["text/plain"], messageIDHeader: "<re-q1@example.com>", date: utc(2024, 1, 16, 9), size: 2_000,
            state: MessageState(places: [place("work", "INBOX"), place("work", "Archive/2024")],
                                flags: [.seen, .answered], threadID: "t1")),
        IndexDocument(
            rowID: 3, messageID: id(3), subject: "Mon résumé",
            bodyText: "Voici mon résumé et ma lettre de motivation. Café crème.",
            from: [Address(name: "José Núñez", address: "jose@example.es")], to: [Address(address: "ann@example.org")],
            contentTypes: ["text/plain"], date: utc(2024, 2, 29, 23, 59, 59), size: 10_240,
            state: MessageState(places: [place("personal", "INBOX")], threadID: "t3")),
        IndexDocument(
            rowID: 4, messageID: id(4), subject: "Привет из Москвы",
            bodyText: "Встреча назначена на завтра. Привет всем коллегам.",
            from: [Address(name: "Иван Петров", address: "ivan@example.ru")], contentTypes: ["text/plain"],
            date: utc(2024, 3, 1), size: 10_241,
            state: MessageState(places: [place("personal", "Sent Items")], threadID: "t4")),
        IndexDocument(
            rowID: 5, messageID: id(5), subject: "会議の件", bodyText: "明日の会議は東京都で行います。",
            from: [Address(name: "田中", address: "tanaka@example.jp")], contentTypes: ["text/plain"],
            date: utc(2023, 12, 31, 23, 59, 59), size: 1_048_576,
            state: MessageState(places: [place("work", "INBOX/Projects")], threadID: "t5")),
        IndexDocument(
            rowID: 6, messageID: id(6), subject: "Notes", bodyText: "The red car was parked next to a blue house.",
            from: [Address(address: "notes@example.org")], date: utc(2022, 1, 1, 12), size: 900,
            state: MessageState(places: [place("work", "Notes")])),
        IndexDocument(
            rowID: 7, messageID: id(7), subject: "More notes", bodyText: "The car was red and the house was blue.",
            from: [Address(address: "notes@example.org")], date: utc(2022, 1, 2, 12), size: 901,
            state: MessageState(places: [place("work", "Notes")])),
        IndexDocument(
            rowID: 8, messageID: id(8), subject: "Monthly paperwork",
            bodyText: "Invoice number 12345 for consulting services",
            from: [Address(address: "accounting@vendor.example")], attachmentNames: ["invoice.txt"],
            contentTypes: ["multipart/mixed", "text/plain"], listID: "Vendor announcements <announce.vendor.example>",
            date: utc(2022, 6, 10), size: 3_000_000,
            state: MessageState(places: [place("work", "INBOX/Vendors")], flags: [.flagged])),
        IndexDocument(
            rowID: 9, messageID: id(9), subject: "Spring newsletter",
            bodyText: "Spring sale! Everything 50% off at the garden center",
            from: [Address(name: "Shop", address: "news@shop.example")], contentTypes: ["text/html"],
            listID: "Shop news <news.shop.example>", date: utc(2021, 5, 5), size: 20_000,
            state: MessageState(places: [place("work", "Newsletters")], isExpunged: true, holds: ["case-42"])),
        IndexDocument(
            rowID: 10, messageID: id(10), subject: "No date here", bodyText: "mystery",
            from: [Address(address: "someone@example.org")], cc: [Address(name: "Carol", address: "carol@example.net")],
            bcc: [Address(name: "Dave", address: "dave@example.net")], size: 500,
            state: MessageState(places: [place("work", "Drafts")], flags: [.draft])),
        IndexDocument(
            rowID: 11, messageID: id(11), subject: "Planning", bodyText: "budgeting meeting",
            from: [Address(name: "Joann Example", address: "joann@example.org.uk")], attachmentNames: ["photo.JPG"],
            contentTypes: ["multipart/mixed", "text/plain", "image/jpeg"], date: utc(2024, 1, 1), size: 700_000,
            state: MessageState(places: [place("work", "INBOX")], flags: [.deleted])),
    ]

    static var allRows: [Int64] { documents.map(\.rowID) }
}
