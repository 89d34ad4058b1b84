import MailModel
import Testing

@Suite struct TimestampTests {
    @Test func epochAndKnownDates() throws {
        #expect(Timestamp(year: 1970, month: 1, day: 1)?.rawValue == 0)
        #expect(Timestamp(year: 2024, month: 3, day: 1, hour: 9, minute: 30)?.rawValue == 1_709_285_400)
        #expect(Timestamp(year: 2024, month: 3, day: 1, hour: 9, minute: 30, utcOffsetSeconds: 3600)?.rawValue == 1_709_281_800)
        #expect(Timestamp(rawValue: 1_709_285_400).iso8601 == "2024-03-01T09:30:00Z")
        #expect(Timestamp(rawValue: -1).iso8601 == "1969-12-31T23:59:59Z")
    }

    @Test func rejectsImpossibleDates() {
        #expect(Timestamp(year: 2023, month: 2, day: 29) == nil)
        #expect(Timestamp(year: 2024, month: 2, day: 29) != nil)
        #expect(Timestamp(year: 2024, month: 13, day: 1) == nil)
        #expect(Timestamp(year: 2024, month: 4, day: 31) == nil)
    }

    @Test func civilRoundTrip() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let (y, m, d) = Timestamp.civilFromDays(days)
            #expect(Timestamp.daysFromCivil(year: y, month: m, day: d) == days)
        }
    }
}
