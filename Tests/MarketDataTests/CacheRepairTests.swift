import Foundation
import SystemIO
import Testing
@testable import MarketData

/// Damaged cache files, partial intraday days and checksums (issue 11).
@Suite struct CacheRepairTests {
    /// A data root with SBIN's daily bars for the first three trading days of 2024.
    func cacheWithThreeDays() throws -> (root: DataRoot, cache: BarCache) {
        let root = DataRoot(url: try makeTemporaryDirectory())
        let series = BarSeries(bars: ["2024-01-01", "2024-01-02", "2024-01-03"].map { dailyBar($0, close: 100) })
        try root.cache.write(series, symbol: "SBIN", interval: .oneDay, source: .breeze)
        return (root, root.cache)
    }

    let january = DayRange(day("2024-01-01"), day("2024-01-31"))

    @Test func aDamagedFileIsNamedWithTheFetchThatRepairsIt() throws {
        let (root, cache) = try cacheWithThreeDays()
        defer { try? FileManager.default.removeItem(at: root.url) }
        let file = cache.directory(symbol: "SBIN", interval: .oneDay).appendingPathComponent("2024-01-02.csv")
        try "timestamp,open,high,low,close,volume\n2024-01-02 00:00:00+05:30,1,2\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try cache.load(symbol: "SBIN", interval: .oneDay, range: january)
            Issue.record("a damaged file must not load")
        } catch let error as BarCacheError {
            #expect(error.failureClass == .dataCorrupt)
            #expect(error.description == "damaged cache file \(file.path):2: expected at least 6 fields, found 3")
            #expect(error.remedy == .fetch(FetchRemedy(symbols: ["SBIN"], range: DayRange(day("2024-01-02"), day("2024-01-02")),
                                                       dataDir: root.url.path)))
        }
    }

    @Test func repairingMovesTheFileAsideAndForgetsItsDays() throws {
        let (root, cache) = try cacheWithThreeDays()
        defer { try? FileManager.default.removeItem(at: root.url) }
        let file = cache.directory(symbol: "SBIN", interval: .oneDay).appendingPathComponent("2024-01-02.csv")
        try Data([0xFF, 0x00, 0x13]).write(to: file)
        let calendar = try TradingCalendar.nse()
        let (held, moved) = try cache.heldDaysRepairing(symbol: "SBIN", interval: .oneDay, range: january, calendar: calendar)
        #expect(held == [day("2024-01-01"), day("2024-01-03")], "the damaged day is fetched again")
        #expect(moved.count == 1)
        #expect(moved[0].path.hasPrefix(root.url.appendingPathComponent("quarantine/SBIN/1day/2024-01-02.csv.").path))
        #expect(try Data(contentsOf: moved[0]) == Data([0xFF, 0x00, 0x13]), "kept, never deleted")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try cache.manifest(symbol: "SBIN", interval: .oneDay).days[day("2024-01-02")] == nil)
    }

    @Test func verifyNamesADayWhoseBytesChanged() throws {
        let (root, cache) = try cacheWithThreeDays()
        defer { try? FileManager.default.removeItem(at: root.url) }
        #expect(try Coverage.verify(cache: cache, symbol: "SBIN", interval: .oneDay, range: january).isEmpty)
        let file = cache.directory(symbol: "SBIN", interval: .oneDay).appendingPathComponent("2024-01-03.csv")
        try "timestamp,open,high,low,close,volume\n2024-01-03 00:00:00+05:30,99,102,98,101,1000\n".write(to: file, atomically: true, encoding: .utf8)
        let mismatches = try Coverage.verify(cache: cache, symbol: "SBIN", interval: .oneDay, range: january)
        #expect(mismatches.map(\.file) == [file.path])
        // fetch moves it aside too, so its day is fetched again.
        let (held, moved) = try cache.heldDaysRepairing(symbol: "SBIN", interval: .oneDay, range: january, calendar: try TradingCalendar.nse())
        #expect(moved.count == 1)
        #expect(!held.contains(day("2024-01-03")))
    }

    @Test func aPartialIntradayDayIsNeitherCompleteNorHeld() throws {
        let root = DataRoot(url: try makeTemporaryDirectory())
        defer { try? FileManager.default.removeItem(at: root.url) }
        let calendar = try TradingCalendar.nse()
        // 2024-01-01: the whole session (75 five-minute bars); 2024-01-02: the first 40 only.
        func session(_ d: String, bars: Int) -> [Bar] {
            (0..<bars).map { k in Bar(timestamp: day(d).startEpochSeconds + 33_300 + Int64(k) * 300, open: 10, high: 11, low: 9, close: 10, volume: 1) }
        }
        try root.cache.write(BarSeries(bars: session("2024-01-01", bars: 75) + session("2024-01-02", bars: 40)),
                             symbol: "TCS", interval: .fiveMinute, source: .breeze)
        let range = DayRange(day("2024-01-01"), day("2024-01-02"))
        let coverage = try Coverage.audit(cache: root.cache, symbols: ["TCS"], interval: .fiveMinute, range: range, calendar: calendar)[0]
        #expect(coverage.presentDays == 1)
        #expect(coverage.partial == [PartialDay(day: day("2024-01-02"), bars: 40, expected: 75)])
        #expect(!coverage.isComplete)
        #expect(try root.cache.heldDays(symbol: "TCS", interval: .fiveMinute, range: range, calendar: calendar) == [day("2024-01-01")])
        #expect(SessionBars.expected(on: day("2024-01-01"), interval: .oneMinute, calendar: calendar) == 375)
        #expect(SessionBars.expected(on: day("2024-01-01"), interval: .thirtyMinute, calendar: calendar) == 13)
    }

    @Test func aBatchOfFilesLandsWholeWithNoTemporaryLeftBehind() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AtomicFile.writeBatch([(Array("a".utf8), dir.appendingPathComponent("a.csv")), (Array("b".utf8), dir.appendingPathComponent("b.csv"))], in: dir)
        #expect(PosixFile.list(dir.path).sorted() == ["a.csv", "b.csv"])
        // A batch one of whose files cannot be written leaves nothing: no file, no temporary.
        let tooLong = String(repeating: "x", count: 300) + ".csv"
        #expect(throws: (any Error).self) {
            try AtomicFile.writeBatch([(Array("c".utf8), dir.appendingPathComponent("c.csv")), (Array("d".utf8), dir.appendingPathComponent(tooLong))], in: dir)
        }
        #expect(PosixFile.list(dir.path).sorted() == ["a.csv", "b.csv"])
    }

    @Test func aProcessIsToldFromOneThatReusesItsId() {
        let me = Int(ProcessInfo.processInfo.processIdentifier)
        let start = ProcessIdentity.currentStartTime
        #expect(start != nil)
        #expect(ProcessIdentity.isAlive(me, startedAt: start))
        #expect(!ProcessIdentity.isAlive(me, startedAt: start.map { $0 + 1 }), "same pid, another start: another process")
        #expect(!ProcessIdentity.isAlive(Int(Int32.max) - 7, startedAt: nil))
    }
}
