import Foundation
import SystemIO
import Testing
@testable import MarketData

@Suite struct CalendarDayTests {
    @Test func parsesAndFormats() {
        #expect(day("2024-02-29").description == "2024-02-29")
        #expect(CalendarDay("2023-02-29") == nil)
        #expect(CalendarDay("2024-1-01") == nil)
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2024-01-01").weekday == 1)  // a Monday
        #expect(day("2024-01-06").isWeekend)
    }

    @Test func istDayBoundaries() {
        // 2024-01-01 18:29:59 UTC is 23:59:59 IST on the 1st; one second later is the 2nd in IST.
        let t = Int64(day("2024-01-01").ordinal) * 86_400 + 18 * 3600 + 29 * 60 + 59
        #expect(CalendarDay(containing: t) == day("2024-01-01"))
        #expect(CalendarDay(containing: t + 1) == day("2024-01-02"))
        #expect(IST.format(day("2024-01-02").startEpochSeconds) == "2024-01-02 00:00:00+05:30")
    }
}

@Suite struct TimestampTests {
    @Test(arguments: [
        "2024-01-02 00:00:00+05:30", "2024-01-02 00:00:00", "2024-01-02", "2024-01-02T00:00:00+0530",
        "2024-01-01T18:30:00Z", "2024-01-01T18:30:00.000Z", "2024-01-02 00:00",
    ])
    func variantsOfIstMidnight(text: String) {
        #expect(Timestamp.parse(Array(text.utf8)) == day("2024-01-02").startEpochSeconds)
    }

    @Test(arguments: ["", "2024-13-01", "yesterday", "2024-01-02 25:00:00", "2024-01-02 10:00:00+05:30 extra"])
    func rejectsGarbage(text: String) {
        #expect(Timestamp.parse(Array(text.utf8)) == nil)
    }
}

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct GzipTests {
    @Test func roundTripIsDeterministic() throws {
        let text = Array(String(repeating: "timestamp,open,high,low,close,volume\n", count: 200).utf8)
        let a = try Gzip.compress(text)
        #expect(try Gzip.compress(text) == a)
        #expect(a.count < text.count / 5)
        #expect(try Gzip.decompress(a) == text)
    }

    @Test func headerHasNoTimestampAndEmptyInputRoundTrips() throws {
        let packed = try Gzip.compress([], level: 1)
        #expect(Array(packed.prefix(3)) == [0x1f, 0x8b, 8], "gzip magic and deflate")
        #expect(Array(packed[4..<8]) == [0, 0, 0, 0], "MTIME 0")
        #expect(try Gzip.decompress(packed) == [])
    }

    @Test func truncatedInputIsAnError() throws {
        let packed = try Gzip.compress(Array("hello hello hello".utf8))
        #expect(throws: GzipError.self) { try Gzip.decompress(Array(packed.prefix(8))) }
    }
}

@Suite struct ByteTextTests {
    @Test func numbersAreWrittenAsInterpolationWritesThem() {
        let values: [Double] = [0, -0.0, 1, 0.1, 1e-5, 123456.789, 1e16, -2.5e-300, .pi, 0.003, 1_234_567_890_123.5, .nan, .infinity]
        var text = ByteText(capacity: 0)
        for v in values { text.write(v); text.write(byte: UInt8(ascii: ",")) }
        text.write(-42)
        #expect(String(decoding: text.bytes, as: UTF8.self) == values.map { "\($0)," }.joined() + "-42")
    }
}

@Suite struct BarSeriesTests {
    @Test func sortsAndDeduplicatesLaterWins() {
        let s = BarSeries(bars: [dailyBar("2024-01-03", close: 3), dailyBar("2024-01-02", close: 2), dailyBar("2024-01-03", close: 30)])
        #expect(s.count == 2)
        #expect(s.close == [2, 30])
    }

    @Test func slicesByDay() {
        let s = BarSeries(bars: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"].enumerated().map { dailyBar($1, close: Double($0)) })
        let mid = s.slice(DayRange(day("2024-01-02"), day("2024-01-03")))
        #expect(mid.close == [1, 2])
        #expect(s.slice(DayRange(day("2025-01-01"), day("2025-01-03"))).isEmpty)
    }
}
