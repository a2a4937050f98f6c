import Foundation
import SystemIO
import Testing
@testable import MarketData

@Suite struct BarCacheTests {
    @Test func roundTripWritesOriginalLayoutAndManifest() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = BarCache(root: dir)
        let series = BarSeries(bars: [dailyBar("2024-01-01", close: 100.25, volume: 5), dailyBar("2024-01-02", close: 101)])
        let fetched = Date(timeIntervalSince1970: 1_700_000_000)
        try cache.write(series, symbol: "SBIN", interval: .oneDay, source: .breeze, fetchedAt: fetched,
                        coveredDays: [day("2024-01-01"), day("2024-01-02"), day("2024-01-03")])

        let loaded = try cache.load(symbol: "SBIN", interval: .oneDay, range: DayRange(day("2024-01-01"), day("2024-01-31")))
        #expect(loaded == series)
        let file = dir.appendingPathComponent("SBIN/1day/2024-01-01.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == "timestamp,open,high,low,close,volume\n2024-01-01 00:00:00+05:30,99.25,102.25,98.25,100.25,5\n")

        let manifest = try cache.manifest(symbol: "SBIN", interval: .oneDay)
        let record = try #require(manifest.days[day("2024-01-01")])
        #expect(record.rows == 1)
        #expect(record.source == .breeze)
        #expect(record.fetchedAt == fetched)
        #expect(record.sha256 == SHA256.hex(Array(text.utf8)))
        // A covered day without bars is recorded with zero rows (the provider had none then)...
        #expect(manifest.days[day("2024-01-03")]?.rows == 0)
        // ... but it is not held: a fetch asks for it again.
        #expect(try cache.heldDays(symbol: "SBIN", interval: .oneDay, range: DayRange(day("2024-01-01"), day("2024-01-05"))) == [day("2024-01-01"), day("2024-01-02")])
    }

    @Test func readsTheOriginalLayoutWithRangeFilesGzipAndAliases() throws {
        let cache = BarCache(root: fixture("original_cache"))
        let tcs = try cache.load(symbol: "TCS", interval: .oneDay, range: DayRange(day("2024-01-01"), day("2024-01-31")))
        // 10 days from the range file (naive timestamps, aliases) + 1 gzipped day; the daily
        // file for 2024-01-02 repeats a timestamp of the range file and wins.
        #expect(tcs.count == 11)
        #expect(tcs.timestamps == tcs.timestamps.sorted())
        #expect(Set(tcs.timestamps).count == tcs.count)
        #expect(tcs.close[1] == 3999)
        #expect(tcs.lastDay == day("2024-01-15"))
        #expect(tcs.close.last == 3605)
        #expect(cache.symbols() == ["SBIN", "TCS"])
    }

    @Test func loadsOnlyTheRequestedRange() throws {
        let cache = BarCache(root: fixture("original_cache"))
        let s = try cache.load(symbol: "SBIN", interval: .oneDay, range: DayRange(day("2024-01-08"), day("2024-01-16")))
        #expect(s.days.map(\.description) == ["2024-01-08", "2024-01-09", "2024-01-15", "2024-01-16"])
        #expect(try cache.load(symbol: "NOPE", interval: .oneDay, range: DayRange(day("2024-01-08"), day("2024-01-16"))).isEmpty)
    }

    @Test func crashBeforeRenameLeavesNoVisibleFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("2024-01-01.csv")
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try AtomicFile.write(Array("partial".utf8), to: target, beforeRename: { throw Crash() })
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func leftoverTemporaryFilesFromAKilledWriterAreIgnored() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = BarCache(root: dir)
        try cache.write(BarSeries(bars: [dailyBar("2024-01-01", close: 10)]), symbol: "X", interval: .oneDay, source: .import)
        // What a process killed mid-write leaves behind: a half-written temporary file.
        let litter = cache.directory(symbol: "X", interval: .oneDay).appendingPathComponent(AtomicFile.temporaryName(for: "2024-01-02.csv"))
        try "timestamp,open,high,low,close,volume\n2024-01-02 00:00:00+05:30,1,".write(to: litter, atomically: false, encoding: .utf8)
        let s = try cache.load(symbol: "X", interval: .oneDay, range: DayRange(day("2024-01-01"), day("2024-01-31")))
        #expect(s.count == 1)
    }

    @Test func refusesToMixSyntheticWithRealData() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cache = BarCache(root: dir)
        try cache.write(BarSeries(bars: [dailyBar("2024-01-01", close: 10)]), symbol: "X", interval: .oneDay, source: .breeze)
        #expect(throws: BarCacheError.self) {
            try cache.write(BarSeries(bars: [dailyBar("2024-01-02", close: 10)]), symbol: "X", interval: .oneDay, source: .synthetic)
        }
        try cache.write(BarSeries(bars: [dailyBar("2024-01-02", close: 10)]), symbol: "X", interval: .oneDay, source: .import)
    }

    @Test func corruptCacheFileNamesFileAndLine() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("X/1day/2024-01-01.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "timestamp,open,high,low,close,volume\n2024-01-01,1,2,0.5,x,10\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: BarCacheError.self) {
            try BarCache(root: dir).load(symbol: "X", interval: .oneDay, range: DayRange(day("2024-01-01"), day("2024-01-01")))
        }
        #expect(error?.description.contains("2024-01-01.csv:2") == true)
    }
}

@Suite struct CSVImportTests {
    @Test func validFileImportsWithDailyTimestampsAtMidnight() throws {
        let result = try CSVImport.validate(files: [fixture("import/good.csv")], interval: .oneDay, lenient: false)
        #expect(result.series.count == 3)
        #expect(result.series.timestamps[0] == day("2024-01-01").startEpochSeconds)
        #expect(result.skipped.isEmpty)
    }

    @Test func badRowIsAnErrorNamingFileAndLine() throws {
        let error = #expect(throws: CSVError.self) {
            try CSVImport.validate(files: [fixture("import/bad_ohlc.csv")], interval: .oneDay, lenient: false)
        }
        #expect(error?.line == 4)
        #expect(error?.description.contains("bad_ohlc.csv:4: open 10.2 outside low..high 10.0..10.1") == true)
    }

    @Test func duplicatesUnparseableAndNaNAreReportedInLineOrder() throws {
        let error = #expect(throws: CSVError.self) {
            try CSVImport.validate(files: [fixture("import/dups.csv")], interval: .oneDay, lenient: false)
        }
        #expect(error?.line == 3)
        #expect(error?.message.contains("duplicate timestamp") == true)
        #expect(error?.message.contains("2 more bad rows") == true)

        let lenient = try CSVImport.validate(files: [fixture("import/dups.csv")], interval: .oneDay, lenient: true)
        #expect(lenient.series.count == 1)
        #expect(lenient.skipped.map(\.line) == [3, 4, 5])
        #expect(lenient.skipped[1].message.contains("unparseable timestamp"))
        #expect(lenient.skipped[2].message.contains("close is nan"))
    }

    @Test func barsOnClosedDaysAreBadRowsAndAByteOrderMarkIsFine() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("closed.csv")
        // BOM, then 2024-01-05 (Friday, open), 2024-01-06 (Saturday), 2024-01-26 (Republic Day).
        let text = "\u{FEFF}timestamp,open,high,low,close,volume\n2024-01-05,10,11,9,10,1\n2024-01-06,10,11,9,10,1\n2024-01-26,10,11,9,10,1\n"
        try text.write(to: f, atomically: true, encoding: .utf8)
        let calendar = try TradingCalendar.nse()
        let e = #expect(throws: CSVError.self) { try CSVImport.validate(files: [f], interval: .oneDay, lenient: false, calendar: calendar) }
        #expect(e?.line == 3)
        #expect(e?.message.hasPrefix("2024-01-06 is not an NSE trading day (a weekend)") == true)
        let lenient = try CSVImport.validate(files: [f], interval: .oneDay, lenient: true, calendar: calendar)
        #expect(lenient.series.count == 1)
        #expect(lenient.skipped.map(\.line) == [3, 4])
    }

    @Test func missingColumnAndMissingFileAreErrors() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = dir.appendingPathComponent("nocol.csv")
        try "timestamp,open,high,low,close\n2024-01-01,1,2,0.5,1\n".write(to: f, atomically: true, encoding: .utf8)
        let e = #expect(throws: CSVError.self) { try CSVImport.validate(files: [f], interval: .oneDay, lenient: true) }
        #expect(e?.message.contains("volume") == true)
        #expect(throws: CSVError.self) { try CSVImport.validate(files: [dir.appendingPathComponent("none.csv")], interval: .oneDay, lenient: true) }
    }
}

@Suite struct CoverageTests {
    @Test func plantedGapIsReportedAsARange() throws {
        let cache = BarCache(root: fixture("original_cache"))
        let range = DayRange(day("2024-01-01"), day("2024-01-31"))
        let report = try Coverage.audit(cache: cache, symbols: ["SBIN", "NOPE"], interval: .oneDay, range: range, calendar: TradingCalendar.nse())
        let sbin = report[0]
        // January 2024: 23 weekdays, less 2024-01-22 and 2024-01-26 (closed), plus the
        // special Saturday session of 2024-01-20 = 22 trading days. The fixture has a bar on
        // the closed 2024-01-22 (ignored), none on 01-20, and a planted gap 01-10..01-12.
        #expect(sbin.expectedDays == 22)
        #expect(sbin.presentDays == 18)
        #expect(sbin.missing.map(\.description) == ["2024-01-10..2024-01-12: 3 of 3 trading days missing",
                                                   "2024-01-20..2024-01-20: 1 of 1 trading days missing"])
        #expect(sbin.firstBar == "2024-01-01 00:00:00+05:30")
        let nope = report[1]
        #expect(nope.presentDays == 0)
        #expect(nope.missing.count == 1)
        #expect(nope.missing[0].tradingDays == nope.expectedDays)
        #expect(nope.firstBar == nil)
    }

    @Test func missingRunsCollapseConsecutiveTradingDays() {
        let expected = ["2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09", "2024-01-10"].map(day)
        let runs = Coverage.missingRuns(expected: expected, present: [day("2024-01-09")])
        #expect(runs.map(\.description) == ["2024-01-04..2024-01-08: 3 of 3 trading days missing",
                                            "2024-01-10..2024-01-10: 1 of 1 trading days missing"])
    }
}
