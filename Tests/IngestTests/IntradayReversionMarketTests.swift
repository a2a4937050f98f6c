import Foundation
import MarketData
import SyntheticMarket
import Testing

/// The planted intraday edge: `intraday-reversion:S` keeps the no-edge days and makes the bars of
/// a session give back their recent move; `no-edge` bars do not.
@Suite("Intraday reversion market")
struct IntradayReversionMarketTests {
    let calendar = try! TradingCalendar.nse()
    static let symbols = ["RELIANCE", "TCS", "ITC", "SBIN", "WIPRO"]
    static let range = days("2024-01-01", "2024-03-31")

    @Test func parsesEveryMarketAndRefusesTheRest() {
        #expect(MarketDynamics(parsing: "realistic") == .realistic)
        #expect(MarketDynamics(parsing: "no-edge") == .noEdge)
        #expect(MarketDynamics(parsing: "mean-reversion:0.5") == .meanReversion(strength: 0.5))
        #expect(MarketDynamics(parsing: "intraday-reversion:0.9") == .intradayReversion(strength: 0.9))
        #expect(MarketDynamics(parsing: "intraday-reversion:0") == .intradayReversion(strength: 0))
        for bad in ["intraday-reversion", "intraday-reversion:1.5", "intraday-reversion:-0.1", "intraday-reversion:x", "reversion:0.5", ""] {
            #expect(MarketDynamics(parsing: bad) == nil, "\(bad)")
        }
        for market in [MarketDynamics.noEdge, .meanReversion(strength: 0.5), .intradayReversion(strength: 0.9)] {
            #expect(MarketDynamics(parsing: market.description) == market)
        }
    }

    /// Autocorrelation at lags 1...14 (the pull's memory) of the 5-minute log returns inside
    /// sessions (a return never spans the overnight gap), pooled over five symbols and a quarter.
    func barReturnAutocorrelations(_ dynamics: MarketDynamics) throws -> [Double] {
        let market = try SyntheticMarket(seed: 21, dynamics: dynamics, calendar: calendar)
        var sessions: [[Double]] = []
        for symbol in Self.symbols {
            let bars = market.bars(symbol: symbol, interval: .fiveMinute, range: Self.range)
            for day in Set(bars.days).sorted() {
                let close = bars.slice(DayRange(day, day)).close
                sessions.append((1..<close.count).map { log(close[$0] / close[$0 - 1]) })
            }
        }
        let variance = sessions.joined().map { $0 * $0 }.reduce(0, +)
        return (1...14).map { lag in
            sessions.map { r in (lag..<r.count).map { r[$0] * r[$0 - lag] }.reduce(0, +) }.reduce(0, +) / variance
        }
    }

    /// Their sum is how much of a move the next 14 bars give back, per unit of variance.
    @Test func barsGiveBackTheirRecentMoveOnlyWhenPlanted() throws {
        let planted = try barReturnAutocorrelations(.intradayReversion(strength: 0.9))
        let noEdge = try barReturnAutocorrelations(.noEdge)
        let (plantedSum, noEdgeSum) = (planted.reduce(0, +), noEdge.reduce(0, +))
        print("lag 1...14 autocorrelations of 5-minute returns: intraday-reversion:0.9 sum \(plantedSum) \(planted); no-edge sum \(noEdgeSum) \(noEdge)")
        // Measured: -0.40 planted, +0.06 without an edge (each lag's standard error is about 0.007;
        // without an edge seeds 22-24 give +0.02, -0.00, -0.02 on a half year of 8 symbols).
        #expect(plantedSum < -0.25, "\(planted)")
        #expect(abs(noEdgeSum) < 0.15, "\(noEdge)")
        #expect(noEdge.allSatisfy { abs($0) < 0.03 }, "\(noEdge)")
    }

    /// The same opens, closes and volumes; the highs and lows are where each session's path went.
    @Test func theDaysAreTheNoEdgeDays() throws {
        let planted = try SyntheticMarket(seed: 22, dynamics: .intradayReversion(strength: 0.9), calendar: calendar)
        let noEdge = try SyntheticMarket(seed: 22, dynamics: .noEdge, calendar: calendar)
        let (a, b) = (planted.bars(symbol: "TCS", interval: .oneDay, range: Self.range), noEdge.bars(symbol: "TCS", interval: .oneDay, range: Self.range))
        #expect(a.open == b.open && a.close == b.close && a.volume == b.volume && a.timestamps == b.timestamps)
        #expect(a.high != b.high)
        #expect(planted.bars(symbol: "TCS", interval: .fiveMinute, range: Self.range) != noEdge.bars(symbol: "TCS", interval: .fiveMinute, range: Self.range))
    }
}
