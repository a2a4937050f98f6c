import Foundation
import Testing
@testable import MarketData

@Suite struct CalendarTests {
    let calendar: TradingCalendar

    init() throws { calendar = try TradingCalendar.nse() }

    @Test func coversTheDocumentedYearsAndNamesItsSource() {
        #expect(calendar.coveredYears == 2018...2026)
        #expect(calendar.source.contains("pandas_market_calendars"))
    }

    @Test func knownHolidaysAreClosed() throws {
        for (date, name) in [("2024-01-26", "Republic Day"), ("2024-03-25", "Holi"), ("2023-12-25", "Christmas")] {
            #expect(try !calendar.isTradingDay(day(date)))
            #expect(calendar.closure(on: day(date)) == name)
        }
        // Declared at a day's notice (Ram Lalla Pran Pratishtha); the package lists it as closed.
        #expect(try !calendar.isTradingDay(day("2024-01-22")))
        #expect(calendar.closure(on: day("2024-01-22"))?.contains("Special holiday") == true)
    }

    @Test func ordinaryWeekdaysTradeAndWeekendsDoNot() throws {
        #expect(try calendar.isTradingDay(day("2024-01-23")))
        #expect(calendar.closure(on: day("2024-01-23")) == nil)
        #expect(try !calendar.isTradingDay(day("2024-01-27")))   // Saturday
        #expect(try !calendar.isTradingDay(day("2024-01-28")))   // Sunday
        #expect(calendar.closure(on: day("2024-01-27")) == nil)
    }

    @Test func muhuratSessionOnAHolidayCountsAsTrading() throws {
        let diwali = day("2024-11-01")   // Friday: regular session closed, evening Muhurat session held
        #expect(try calendar.isTradingDay(diwali))
        #expect(calendar.isSpecialSession(diwali))
        #expect(calendar.closure(on: diwali) == nil)
        #expect(calendar.specialSessionName(on: diwali)?.contains("Muhurat") == true)
    }

    @Test func muhuratSessionOnASundayCountsAsTrading() throws {
        let sunday = day("2023-11-12")
        #expect(sunday.isWeekend)
        #expect(try calendar.isTradingDay(sunday))
        #expect(calendar.isSpecialSession(sunday))
    }

    @Test func sessionsAreDataWithTheirOwnBarCounts() throws {
        let regular = try #require(calendar.session(on: day("2024-01-02")))
        #expect(regular == .regular && regular.description == "09:15-15:30")
        #expect([Interval.oneMinute, .fiveMinute, .thirtyMinute, .oneDay].map(regular.barCount) == [375, 75, 13, 1])
        #expect(regular.barStarts(.thirtyMinute).last.map(Int.init) == 15 * 3600 + 15 * 60)
        let muhurat = try #require(calendar.session(on: day("2024-11-01")))
        #expect(muhurat.description == "18:00-19:00" && muhurat.barCount(.fiveMinute) == 12)
        let drill = try #require(calendar.session(on: day("2024-03-02")))
        #expect(drill.description == "09:15-10:00, 11:30-12:30")
        #expect([Interval.oneMinute, .fiveMinute, .thirtyMinute].map(drill.barCount) == [105, 21, 4])
        #expect(SessionBars.expected(on: day("2024-11-01"), interval: .oneMinute, calendar: calendar) == 60)
        #expect(calendar.session(on: day("2024-01-06")) == nil)   // a Saturday without a session
        #expect(calendar.session(on: day("2024-01-26")) == nil)   // Republic Day
        #expect(TradingSession.segment("9:15-15:30") == 555..<930 && TradingSession.segment("15:30-09:15") == nil)
    }

    @Test func aSpecialSessionWithoutTimesIsRejected() throws {
        let json = #"{"covered_years": [2024, 2024], "source": "t", "closed": [], "special_sessions": [{"date": "2024-11-01", "name": "Muhurat"}]}"#
        #expect(throws: BundledDataError.self) { try TradingCalendar(json: Data(json.utf8)) }
    }

    @Test func datesOutsideTheCoveredYearsAreErrors() throws {
        #expect(throws: CalendarError.outOfRange(day("2017-12-29"), covered: 2018...2026)) {
            try calendar.isTradingDay(day("2017-12-29"))
        }
        #expect(throws: CalendarError.self) { try calendar.tradingDays(in: DayRange(day("2026-12-01"), day("2027-01-10"))) }
        let message = CalendarError.outOfRange(day("2027-01-04"), covered: 2018...2026).description
        #expect(message.contains("2018-2026"))
        #expect(CalendarError.outOfRange(day("2027-01-04"), covered: 2018...2026).failureClass == .invalidInput)
    }

    /// pandas_market_calendars 5.5.0 gives 246 weekday sessions in 2024 (262 weekdays, 16
    /// closed); NSE also held three Saturday sessions (01-20, 03-02, 05-18) the package cannot
    /// represent, so 249 days have bars.
    @Test func tradingDayCountFor2024() throws {
        let year = DayRange(day("2024-01-01"), day("2024-12-31"))
        #expect(try calendar.tradingDayCount(in: year) == 249)
        let weekdaySessions = try calendar.tradingDays(in: year).filter { !$0.isWeekend }
        #expect(weekdaySessions.count == 246)
        #expect(try calendar.tradingDays(in: year).count == 249)
    }

    @Test func tradingDaysAreAscendingAndAgreeWithIsTradingDay() throws {
        let range = DayRange(day("2023-12-20"), day("2024-01-31"))
        let days = try calendar.tradingDays(in: range)
        #expect(days == days.sorted())
        #expect(days == range.days.filter { (try? calendar.isTradingDay($0)) == true })
        #expect(try calendar.tradingDays(in: DayRange(day("2024-01-02"), day("2024-01-01"))).isEmpty)
    }

    @Test func nextAndPreviousTradingDaySkipClosures() throws {
        #expect(try calendar.nextTradingDay(onOrAfter: day("2024-01-26")) == day("2024-01-29"))
        #expect(try calendar.previousTradingDay(onOrBefore: day("2024-01-22")) == day("2024-01-20"))
        #expect(try calendar.nextTradingDay(onOrAfter: day("2024-01-23")) == day("2024-01-23"))
        #expect(try calendar.nextTradingDay(onOrAfter: day("2026-12-25")) == day("2026-12-28"))
        #expect(throws: CalendarError.self) { try calendar.nextTradingDay(onOrAfter: day("2027-01-01")) }
    }

    @Test func threeYearsOfTradingDaysTakeMicroseconds() throws {
        let range = DayRange(day("2022-01-01"), day("2024-12-31"))
        let clock = ContinuousClock()
        var total = 0
        let elapsed = try clock.measure {
            for _ in 0..<100 { total += try calendar.tradingDays(in: range).count }
        }
        #expect(total == 100 * (try calendar.tradingDayCount(in: range)))
        #expect(elapsed / 100 < .milliseconds(1))
    }

    @Test func rejectsADayListedBothClosedAndSpecial() {
        let json = """
        {"covered_years": [2024, 2024], "source": "test",
         "closed": [{"date": "2024-11-01", "name": "Diwali"}],
         "special_sessions": [{"date": "2024-11-01", "name": "Muhurat"}]}
        """
        #expect(throws: BundledDataError.self) { try TradingCalendar(json: Data(json.utf8)) }
    }
}
