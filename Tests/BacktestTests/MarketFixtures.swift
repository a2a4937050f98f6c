import Foundation
import Backtest
import MarketData

/// Weekdays from `first`, `count` of them (holidays are irrelevant to the simulation).
func tradingDays(from first: String, count: Int) -> [CalendarDay] {
    var days: [CalendarDay] = []
    var day = CalendarDay(first)!
    while days.count < count {
        if !day.isWeekend { days.append(day) }
        day = day.adding(days: 1)
    }
    return days
}

/// A random-walk market: log returns N(0, dailyVolatility) for the session and a smaller overnight gap;
/// each bar is missing with probability `missingRate`.
struct RandomMarket {
    let prices: DailyPrices
    let opens: [String: [Double?]]
    let closes: [String: [Double?]]
    let symbols: [String]

    init(seed: UInt64, symbols symbolCount: Int, days dayCount: Int, missingRate: Double = 0.02, dailyVolatility: Double = 0.02) {
        var rng = SeededGenerator(seed: seed)
        let days = tradingDays(from: "2024-06-03", count: dayCount)
        symbols = (0..<symbolCount).map { String(format: "S%03d", $0) }
        var opens: [String: [Double?]] = [:]
        var closes: [String: [Double?]] = [:]
        for symbol in symbols {
            var price = Double.random(in: 50...3000, using: &rng)
            var o: [Double?] = []
            var c: [Double?] = []
            for _ in days {
                price *= exp(0.3 * dailyVolatility * rng.normal())
                let open = price
                price *= exp(dailyVolatility * rng.normal())
                o.append(Double.random(in: 0..<1, using: &rng) < missingRate ? nil : open)
                c.append(Double.random(in: 0..<1, using: &rng) < missingRate ? nil : price)
            }
            opens[symbol] = o
            closes[symbol] = c
        }
        self.opens = opens
        self.closes = closes
        prices = try! DailyPrices(days: days, open: opens, close: closes)
    }

    /// Probabilities with no information about the future.
    func randomSignals(seed: UInt64) -> [Signal] {
        var rng = SeededGenerator(seed: seed ^ 0xABCD)
        return prices.days.flatMap { day in
            symbols.map { Signal(date: day, symbol: $0, probability: Double.random(in: 0...1, using: &rng)) }
        }
    }

    /// Probabilities that rank by the return from the next open to the open `horizon` days later: a planted edge.
    func clairvoyantSignals(horizon: Int) -> [Signal] {
        prices.days.indices.flatMap { index in
            symbols.map { symbol in
                let entry = firstOpen(symbol, from: index + 1)
                let exit = firstOpen(symbol, from: index + 1 + horizon)
                let forward = (entry.flatMap { e in exit.map { $0 / e - 1 } }) ?? 0
                return Signal(date: prices.days[index], symbol: symbol, probability: min(1, max(0, 0.5 + 5 * forward)))
            }
        }
    }

    private func firstOpen(_ symbol: String, from index: Int) -> Double? {
        let series = opens[symbol]!
        let last = min(index, series.count - 1)
        return series[last...].lazy.compactMap { $0 }.first ?? series[..<last].reversed().lazy.compactMap { $0 }.first
    }
}
