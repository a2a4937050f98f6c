import MarketData
import Testing
@testable import Teacher

@Suite struct LabelTests {
    @Test func forwardReturnUsesTheBarHorizonAhead() {
        let r = Labels.forwardReturns(close: [100, 110, 125, 88], horizon: 2)
        #expect(r[0] == 125.0 / 100 - 1)
        #expect(r[1] == 88.0 / 110 - 1)
        #expect(r[2].isNaN && r[3].isNaN)
    }

    @Test func labelIsOneOnlyAboveTheThreshold() {
        #expect(Labels.label(forwardReturn: 0.0201, threshold: 0.02) == 1)
        #expect(Labels.label(forwardReturn: 0.02, threshold: 0.02) == 0)
        #expect(Labels.label(forwardReturn: -0.5, threshold: 0.02) == 0)
        #expect(Labels.label(forwardReturn: 0.01, threshold: -0.02) == 1)
    }

    /// 200 bars; the window is bars 100...159 (60 bars).
    func window(_ bars: BarSeries) -> DayRange {
        DayRange(CalendarDay(containing: bars.timestamps[100]), CalendarDay(containing: bars.timestamps[159]))
    }

    @Test func originalBehaviourDropsTheFirst49AndTheLastHorizonRows() throws {
        let bars = TestBars.cyclicSeries(count: 200)
        var config = TeacherConfig.original
        config.horizon = 5
        let prepared = try PreparedWindow.prepare(symbol: "X", window: window(bars), allBars: bars, config: config)
        #expect(prepared.bars.count == 60)
        #expect(prepared.rowCount == 60 - 49 - 5)
        #expect(prepared.rowBars.first == 49)
        #expect(prepared.rowBars.last == 54)
    }

    @Test func warmupAndLookaheadKeepEveryWindowRow() throws {
        let bars = TestBars.cyclicSeries(count: 200)
        var config = TeacherConfig()
        config.horizon = 5
        let prepared = try PreparedWindow.prepare(symbol: "X", window: window(bars), allBars: bars, config: config)
        #expect(prepared.warmupBarCount == 100)
        #expect(prepared.lookaheadBarCount == 5)
        #expect(prepared.rowCount == 60)
        // The last row's label reads the close 5 bars past the window end.
        let last = try #require(prepared.rowBars.last)
        #expect(prepared.forwardReturns.last == bars.close[164] / bars.close[159] - 1)
        #expect(last == prepared.windowBars.upperBound - 1)
    }

    @Test func lookaheadStopsWhereTheBarsStop() throws {
        let bars = TestBars.cyclicSeries(count: 162)
        var config = TeacherConfig()
        config.horizon = 5
        let prepared = try PreparedWindow.prepare(symbol: "X", window: window(bars), allBars: bars, config: config)
        #expect(prepared.lookaheadBarCount == 2)
        #expect(prepared.rowCount == 60 - 3)
    }

    @Test func shortWarmupStillDropsRowsWithoutHistory() throws {
        let bars = TestBars.cyclicSeries(count: 200)
        var config = TeacherConfig()
        config.warmupBars = 20
        let prepared = try PreparedWindow.prepare(symbol: "X", window: window(bars), allBars: bars, config: config)
        #expect(prepared.warmupBarCount == 20)
        #expect(prepared.rowBars.first == 49)
        #expect(prepared.rowCount == 60 - 29)
    }

    @Test func noBarsInTheWindowIsDataMissing() throws {
        let bars = TestBars.cyclicSeries(count: 50)
        let later = DayRange(CalendarDay("2030-01-01")!, CalendarDay("2030-06-29")!)
        let error = #expect(throws: TeacherError.self) {
            try PreparedWindow.prepare(symbol: "SBIN", window: later, allBars: bars, config: TeacherConfig())
        }
        #expect(error?.failureClass == .dataMissing)
        #expect(error?.message == "No data returned for SBIN")
        #expect(error?.remedy?.description == "sensequant fetch --symbols SBIN --start-date 2030-01-01 --end-date 2030-06-29")
    }

    @Test func badHorizonIsInvalidInput() {
        var config = TeacherConfig()
        config.horizon = 0
        let error = #expect(throws: TeacherError.self) {
            try PreparedWindow.prepare(symbol: "X", window: DayRange(TestBars.start, TestBars.start), allBars: BarSeries(), config: config)
        }
        #expect(error?.failureClass == .invalidInput)
    }
}
