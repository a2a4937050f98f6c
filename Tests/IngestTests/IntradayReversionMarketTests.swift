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

    /// Autocorrelation at lags 1...5 of the 5-minute log returns inside sessions (a return never
    /// spans the overnight gap), pooled over five symbols and a quarter.
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
        return (1...5).map { lag in
            sessions.map { r in (lag..<r.count).map { r[$0] * r[$0 - lag] }.reduce(0, +) }.reduce(0, +) / variance
        }
    }

    @Test func barsGiveBackTheirRecentMoveOnlyWhenPlanted() throws {
        let planted = try barReturnAutocorrelations(.intradayReversion(strength: 0.9))
        let noEdge = try barReturnAutocorrelations(.noEdge)
        print("lag 1...5 autocorrelation of 5-minute returns: intraday-reversion:0.9 \(planted), no-edge \(noEdge)")
        #expect(planted.allSatisfy { $0 < -0.05 }, "\(planted)")
        // Not exactly 0 without an edge: clamping the path to the day's high and low, and the 0.05
        // tick, give back a little of each move (lag 1 about -0.02 here).
        #expect(noEdge.allSatisfy { abs($0) < 0.04 }, "\(noEdge)")
    }

    @Test func theDaysAreTheNoEdgeDays() throws {
        let planted = try SyntheticMarket(seed: 22, dynamics: .intradayReversion(strength: 0.9), calendar: calendar)
        let noEdge = try SyntheticMarket(seed: 22, dynamics: .noEdge, calendar: calendar)
        #expect(planted.bars(symbol: "TCS", interval: .oneDay, range: Self.range) == noEdge.bars(symbol: "TCS", interval: .oneDay, range: Self.range))
        #expect(planted.bars(symbol: "TCS", interval: .fiveMinute, range: Self.range) != noEdge.bars(symbol: "TCS", interval: .fiveMinute, range: Self.range))
    }
}
