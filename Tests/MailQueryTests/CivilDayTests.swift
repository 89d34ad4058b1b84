import MailModel
import MailQuery
import Testing

@Suite("CivilDay")
struct CivilDayTests {
    @Test func validity() {
        #expect(CivilDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDay(year: 2024, month: 13, day: 1) == nil)
        #expect(CivilDay(year: 0, month: 1, day: 1) == nil)
    }

    @Test func arithmetic() {
        let day = CivilDay(year: 2024, month: 3, day: 31)!
        #expect(day.adding(months: -1) == CivilDay(year: 2024, month: 2, day: 29))
        #expect(day.adding(months: -13) == CivilDay(year: 2023, month: 2, day: 28))
        #expect(day.adding(months: 10) == CivilDay(year: 2025, month: 1, day: 31))
        #expect(day.adding(days: 1) == CivilDay(year: 2024, month: 4, day: 1))
        #expect(CivilDay(year: 2024, month: 2, day: 29)!.adding(months: -12) == CivilDay(year: 2023, month: 2, day: 28))
    }

    @Test func timeConversions() {
        let day = CivilDay(year: 1969, month: 12, day: 31)!
        #expect(day.start.rawValue == -86_400)
        #expect(day.end.rawValue == -1)
        #expect(CivilDay(containing: Timestamp(rawValue: -1)) == day)
        #expect(CivilDay(containing: Timestamp(rawValue: 0)) == CivilDay(year: 1970, month: 1, day: 1))
        #expect(CivilDay(containing: Timestamp(rawValue: 86_399)) == CivilDay(year: 1970, month: 1, day: 1))
    }

    @Test func forms() {
        #expect(CivilDay(year: 2024, month: 3, day: 1)!.description == "2024-03-01")
        #expect(CivilDay(year: 2024, month: 3, day: 1)!.imapText == "1-Mar-2024")
        #expect(CivilDay(year: 999, month: 12, day: 25)!.description == "0999-12-25")
    }
}
