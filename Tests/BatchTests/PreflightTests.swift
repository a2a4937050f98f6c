import Foundation
import Testing
@testable import Batch
import MarketData
import Teacher

/// Daily bars on every trading day of `range`, with a gentle deterministic wiggle.
func tradingBars(_ range: DayRange) throws -> BarSeries {
    let days = try TradingCalendar.nse().tradingDays(in: range)
    return BarSeries(bars: days.enumerated().map { i, d in
        let c = 100 + 10 * sin(Double(i) / 5) + Double(i) * 0.05
        return Bar(timestamp: d.startEpochSeconds, open: c - 0.5, high: c + 1, low: c - 1, close: c, volume: 1000 + Double(i % 7) * 100)
    })
}

func makePreflight(listing: [String: CalendarDay] = [:], config: TeacherConfig = TeacherConfig()) throws -> Preflight {
    Preflight(teacher: config, calendar: try TradingCalendar.nse(), listingDates: listing, dataDir: nil)
}

@Suite struct PreflightTests {
    let window = PlannedWindow(symbol: "SBIN", range: DayRange(day("2024-01-01"), day("2024-06-29")))

    @Test func fullDataIsReady() throws {
        let bars = try tradingBars(DayRange(day("2023-06-01"), day("2025-01-31")))
        guard case .ready(let rows) = try makePreflight().check(window, bars: bars) else { Issue.record("not ready"); return }
        // With warm-up and look-ahead, every trading day of the window is a row.
        #expect(rows == (try TradingCalendar.nse().tradingDayCount(in: window.range)))
    }

    @Test func noBarsInTheWindowIsDataMissingWithAFetchCommand() throws {
        let bars = try tradingBars(DayRange(day("2023-06-01"), day("2023-12-29")))
        let verdict = try makePreflight().check(window, bars: bars)
        guard case .skip(.dataMissing, let reason, let remedy) = verdict else { Issue.record("got \(verdict)"); return }
        #expect(reason.hasPrefix("No data returned for SBIN"))
        #expect(remedy?.description.hasPrefix("sensequant fetch --symbols SBIN --start-date ") == true)
    }

    @Test func cacheEndingBeforeTheLabelsIsPendingFutureData() throws {
        let bars = try tradingBars(DayRange(day("2023-06-01"), day("2024-07-01")))
        let verdict = try makePreflight().check(window, bars: bars)
        guard case .skip(.pendingFutureData, let reason, _) = verdict else { Issue.record("got \(verdict)"); return }
        #expect(reason.contains("only have through 2024-07-01"))
    }

    @Test func fewBarsIsInsufficientData() throws {
        let bars = try tradingBars(DayRange(day("2024-06-10"), day("2024-08-30")))
        let verdict = try makePreflight().check(window, bars: bars)
        guard case .skip(.insufficientData, let reason, _) = verdict else { Issue.record("got \(verdict)"); return }
        #expect(reason.contains("< 20 minimum"))
    }

    /// 5-minute bars on every trading day of `range`, but only `short` bars on the `cut` days.
    func fiveMinuteBars(_ range: DayRange, cut: Set<CalendarDay> = [], short: Int = 40) throws -> BarSeries {
        let calendar = try TradingCalendar.nse()
        var bars: [Bar] = []
        for (d, day) in try calendar.tradingDays(in: range).enumerated() {
            let starts = calendar.session(on: day)!.barStarts(.fiveMinute)
            for (k, start) in starts.prefix(cut.contains(day) ? short : starts.count).enumerated() {
                let c = 100 + 5 * sin(Double(d * 75 + k) / 40)
                bars.append(Bar(timestamp: day.startEpochSeconds + start, open: c, high: c + 0.5, low: c - 0.5, close: c, volume: 100))
            }
        }
        return BarSeries(bars: bars)
    }

    @Test func aPartialIntradayDayIsAPartialDaySkipWithItsFetch() throws {
        var config = TeacherConfig()
        config.interval = .fiveMinute
        let window = PlannedWindow(symbol: "SBIN", range: DayRange(day("2024-03-04"), day("2024-03-15")))
        let whole = try fiveMinuteBars(DayRange(day("2024-02-01"), day("2024-03-29")))
        guard case .ready = try makePreflight(config: config).check(window, bars: whole) else { Issue.record("whole days not ready"); return }
        let cut = try fiveMinuteBars(DayRange(day("2024-02-01"), day("2024-03-29")), cut: [day("2024-03-07")])
        let verdict = try makePreflight(config: config).check(window, bars: cut)
        guard case .skip(.partialDay, let reason, let remedy) = verdict else { Issue.record("got \(verdict)"); return }
        #expect(reason.contains("2024-03-07: 40 of 75 bars"))
        #expect(remedy?.description.contains("--symbols SBIN --start-date 2024-03-07 --end-date 2024-03-07 --interval 5minute") == true)
        // With preflight off, the trainer refuses the same window the same way.
        let failure = PartialDayCheck.failure(window, bars: cut, teacher: config, calendar: try TradingCalendar.nse())
        #expect(failure?.failureClass == .partialDay)
        // A partial day far outside the bars the window uses does not matter.
        let farAway = try fiveMinuteBars(DayRange(day("2024-02-01"), day("2024-03-29")), cut: [day("2024-02-01")])
        guard case .ready = try makePreflight(config: config).check(window, bars: farAway) else { Issue.record("far-away cut not ready"); return }
    }

    @Test func windowBeforeListingIsPreListing() throws {
        let verdict = try makePreflight(listing: ["SBIN": day("2024-08-01")]).check(window, bars: BarSeries())
        guard case .skip(.preListing, _, _) = verdict else { Issue.record("got \(verdict)"); return }
    }

    @Test func originalModeLosesTheFirst49Rows() throws {
        let bars = try tradingBars(DayRange(day("2023-06-01"), day("2025-01-31")))
        let config = TeacherConfig.original
        guard case .ready(let rows) = try makePreflight(config: config).check(window, bars: bars) else { Issue.record("not ready"); return }
        let days = try TradingCalendar.nse().tradingDayCount(in: window.range)
        #expect(rows == days - 49 - config.horizon)
    }

    @Test func summaryGroupsSkipsWithOneCommand() throws {
        let preflight = try makePreflight()
        let plan = WindowPlanner.plan(symbols: ["SBIN", "TCS", "WIPRO"], start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
        let records = plan.enumerated().map { WindowRecord(batchId: "b", ordinal: $0, window: $1) }
        let full = try tradingBars(DayRange(day("2023-06-01"), day("2025-01-31")))
        let bars = ["TCS": full, "SBIN": BarSeries(), "WIPRO": BarSeries()]
        let verdicts = Dictionary(uniqueKeysWithValues: records.map { ($0.label, preflight.check($0.window!, bars: bars[$0.symbol]!)) })
        let summary = PreflightSummary(windows: records, verdicts: verdicts, preflight: preflight)
        #expect(summary.ready == 2)
        #expect(summary.skipped == 4)
        #expect(summary.lines.count == 1)
        let line = summary.lines[0]
        #expect(line.hasPrefix("2 symbols have no data in 2024-01-01..2024-12-26 (4 windows skipped): SBIN, WIPRO — run: sensequant fetch --symbols SBIN WIPRO --start-date "))
    }
}
