import Foundation
import Testing
import Backtest

@Suite("Performance")
struct PerformanceTests {
    /// 100 symbols x 500 trading days; prints the time (no assertion on it).
    @Test func hundredSymbolsFiveHundredDays() throws {
        let market = RandomMarket(seed: 42, symbols: 100, days: 500)
        let signals = market.randomSignals(seed: 42)
        let backtester = Backtester(schedule: try CostSchedule.bundled())
        let clock = ContinuousClock()
        var result: BacktestResult?
        let elapsed = try clock.measure {
            result = try backtester.run(signals: signals, prices: market.prices, settings: BacktestSettings())
        }
        let reports = clock.measure {
            _ = CSVOutput.fills(result!.fills) + CSVOutput.equity(result!.equity) + HTMLReport.render(result!)
        }
        print("100 symbols x 500 days: simulation \(elapsed), CSV + HTML \(reports), \(result!.fills.count) fills")
        #expect(result!.equity.count == 500)
    }
}
