import Batch
import MarketData
import Testing

@Suite struct ThreadPlanTests {
    @Test func fewLargeWindowsShareTheCoresLeavingOneForArtifactsAndManyOrSmallOnesTakeOneThreadEach() {
        let large = 9_000
        #expect(LightGBMThreadPlan.threads(cores: 2, workers: 1, windows: 1, rowsPerWindow: large) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 4, workers: 1, windows: 1, rowsPerWindow: large) == 3)
        #expect(LightGBMThreadPlan.threads(cores: 4, workers: 2, windows: 1, rowsPerWindow: large) == 3)
        #expect(LightGBMThreadPlan.threads(cores: 8, workers: 2, windows: 10, rowsPerWindow: large) == 3)
        #expect(LightGBMThreadPlan.threads(cores: 8, workers: 8, windows: 3, rowsPerWindow: large) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 2, workers: 2, windows: 10, rowsPerWindow: large) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 2, workers: 4, windows: 10, rowsPerWindow: large) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 1, workers: 1, windows: 1, rowsPerWindow: large) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 8, workers: 1, windows: 1, rowsPerWindow: 125) == 1)
        #expect(LightGBMThreadPlan.threads(cores: 8, workers: 1, windows: 0, rowsPerWindow: large) == 1)
    }

    @Test func expectedRowsFollowTheInterval() {
        #expect(LightGBMThreadPlan.expectedRows(windowDays: 180, interval: .oneDay) == 128)
        #expect(LightGBMThreadPlan.expectedRows(windowDays: 180, interval: .fiveMinute) == 9_600)
        #expect(LightGBMThreadPlan.expectedRows(windowDays: 180, interval: .oneDay) < LightGBMThreadPlan.largeWindowRows)
        #expect(LightGBMThreadPlan.expectedRows(windowDays: 180, interval: .fiveMinute) > LightGBMThreadPlan.largeWindowRows)
    }

    @Test func aBatchPlanCountsItsWindows() {
        let p = BatchParameters(startDate: CalendarDay("2024-01-01")!, endDate: CalendarDay("2024-12-26")!, interval: .fiveMinute)
        // Two windows per symbol.
        #expect(LightGBMThreadPlan.threads(for: p, symbols: 1, workers: 4, cores: 8) == 3)
        #expect(LightGBMThreadPlan.threads(for: p, symbols: 2, workers: 4, cores: 8) == 1)
    }
}
