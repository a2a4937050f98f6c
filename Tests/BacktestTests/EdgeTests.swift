import Foundation
import Testing
import Backtest

private let backtester = Backtester(schedule: try! CostSchedule.bundled())

@Suite("Edge: none versus planted")
struct EdgeTests {
    /// Random-walk prices and random signals over 30 seeds. The gross excess over the benchmark should be noise:
    /// its mean across seeds lies within three standard errors of zero (|t| < 3).
    @Test func noEdgeMeansGrossExcessIsNoiseAndChargesAreTheOnlyGap() throws {
        var excess: [Double] = [], tStats: [Double] = []
        for seed in 1...30 as ClosedRange<UInt64> {
            let market = RandomMarket(seed: 1000 + seed, symbols: 40, days: 250)
            let result = try backtester.run(signals: market.randomSignals(seed: seed), prices: market.prices, settings: BacktestSettings())
            excess.append(result.metrics.grossReturn - result.metrics.benchmarkReturn)
            tStats.append(try #require(result.metrics.excessTStat))
            let charges = result.fills.reduce(Money.zero) { $0 + $1.charges.total }
            #expect(charges > .zero)
            #expect(result.netPnL < result.grossPnL)
            #expect(result.grossPnL - result.netPnL == charges)
        }
        let mean = excess.reduce(0, +) / Double(excess.count)
        let sd = (excess.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(excess.count - 1)).squareRoot()
        let t = mean / (sd / Double(excess.count).squareRoot())
        print("no-edge gross excess over benchmark: mean \(mean), sd \(sd), t \(t) over \(excess.count) seeds; each run's excess t: \(tStats)")
        #expect(abs(t) < 3)
        // Each run's own t is net of charges, which random trading pays for nothing, so it leans
        // below zero (8 of these 30 are under -2); what must stay rare is a t that looks like skill.
        #expect(tStats.filter { $0 >= 2 }.count <= 2, "\(tStats)")
    }

    /// Signals that know the next five days' returns beat the benchmark after charges.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func plantedEdgeBeatsTheBenchmarkNetOfCharges(seed: UInt64) throws {
        let market = RandomMarket(seed: 2000 + seed, symbols: 40, days: 250)
        let result = try backtester.run(signals: market.clairvoyantSignals(horizon: 5), prices: market.prices, settings: BacktestSettings())
        #expect(result.metrics.excessReturn > 0)
        #expect(try #require(result.metrics.excessTStat) > 3, "a real edge is beyond chance")
    }
}
