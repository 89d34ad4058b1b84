import MailModel
import Testing
@testable import MIME

@Suite("Dates")
struct MailDateTests {
    @Test("formats seen in mail", arguments: [
        ("Mon, 15 Mar 2004 10:20:30 +0100", "2004-03-15T09:20:30Z"),
        ("15 Mar 2004 10:20:30 -0000", "2004-03-15T10:20:30Z"),
        ("Mon, 15 Mar 04 10:20 GMT", "2004-03-15T10:20:00Z"),
        ("Mon, 15 Mar 99 10:20:30 EST", "1999-03-15T15:20:30Z"),
        ("Mon, 15 Mar 104 10:20:30 +0000", "2004-03-15T10:20:30Z"),
        ("Tue, 3 Jun 2008 11:05:30 -0500 (Central Daylight Time)", "2008-06-03T16:05:30Z"),
        ("Thu, 11 Aug 2016 08:19:43 +0000 UTC", "2016-08-11T08:19:43Z"),
        ("Mon Mar 15 10:20:30 2004", "2004-03-15T10:20:30Z"),
        ("Fri Nov  1 06:20:26 2002", "2002-11-01T06:20:26Z"),
        ("Monday, March 15, 2004 10:20:30 PM +0100", "2004-03-15T21:20:30Z"),
        ("15-Mar-2004 10:20:30 +0530", "2004-03-15T04:50:30Z"),
        ("2004-03-15T10:20:30Z", "2004-03-15T10:20:30Z"),
        ("2004-03-15 10:20:30 +01:00", "2004-03-15T09:20:30Z"),
        ("Mon, 15 Mar 2004 10:20:30 CET", "2004-03-15T09:20:30Z"),
        ("Mon, 15 Mar 2004 10:20:30 A", "2004-03-15T10:20:30Z"),
        ("Mon, 15 Mar 2004 10.20.30 +0100", "2004-03-15T09:20:30Z"),
        ("Mon, 15 Mar 2004", "2004-03-15T00:00:00Z"),
        ("Mo, 15 Mär 2004 10:20:30 +0100", "2004-03-15T09:20:30Z"),
        ("15/03/2004 10:20", "2004-03-15T10:20:00Z"),
    ])
    func formats(_ input: String, _ expected: String) {
        #expect(MailDate.parse(input)?.iso8601 == expected, "\(input)")
    }

    @Test("garbage gives nil", arguments: ["", "yesterday", "32 Foo 2004", "Mon, 31 Feb 2004 10:00:00", "12:00", "Mon, 15 Mar 0 10:20:30"])
    func garbage(_ input: String) {
        #expect(MailDate.parse(input) == nil, "\(input)")
    }
}
