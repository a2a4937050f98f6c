import Breeze
import MarketData
import Testing

@Suite("Breeze timestamps")
struct TimestampTests {
    @Test func naiveAnswerTimesAreIST() {
        let ts = BreezeTimestamp.parseWallClock("2024-01-02 09:15:00")!
        #expect(IST.format(ts) == "2024-01-02 09:15:00+05:30")
        #expect(BreezeTimestamp.parseWallClock("2024-01-02 00:00:00") == CalendarDay("2024-01-02")!.startEpochSeconds)
    }

    @Test func requestDatesAreISTWallClockWithZSuffix() {
        #expect(BreezeTimestamp.requestDate(CalendarDay("2024-01-02")!, endOfDay: false) == "2024-01-02T00:00:00.000Z")
        #expect(BreezeTimestamp.parseWallClock("2024-01-02T23:59:59.000Z") == CalendarDay("2024-01-03")!.startEpochSeconds - 1)
    }

    @Test func garbageIsRejected() {
        #expect(BreezeTimestamp.parseWallClock("2024-13-02 09:15:00") == nil)
        #expect(BreezeTimestamp.parseWallClock("yesterday") == nil)
        #expect(BreezeTimestamp.parseWallClock("2024-01-02 25:00:00") == nil)
    }
}
