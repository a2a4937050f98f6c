import Foundation
import MarketData

/// Intraday bars of one synthetic day: a Brownian bridge in log price from the day's open to
/// its close, with the U-shaped volatility and volume of a real session (busy open and close).
enum IntradayPath {
    /// 09:15 IST, the start of the regular session.
    static let sessionStartSeconds: Int64 = 9 * 3600 + 15 * 60

    static func bars(day: CalendarDay, state: DailyState, interval: Interval, seed: UInt64) -> [Bar] {
        let n = interval.barsPerTradingDay
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, UInt64(bitPattern: Int64(day.ordinal)), UInt64(n)))
        let shape = (0..<n).map { k -> Double in
            let x = n == 1 ? 0 : Double(k) / Double(n - 1) - 0.5
            return 1 + 3 * x * x
        }
        let shapeTotal = shape.reduce(0, +)
        let barSigma = state.volatility / Double(n).squareRoot()
        var walk = [Double](repeating: 0, count: n)
        var sum = 0.0
        for k in 0..<n {
            sum += barSigma * shape[k].squareRoot() * rng.normal()
            walk[k] = sum
        }
        let target = log(state.close / state.open)
        var bars: [Bar] = []
        bars.reserveCapacity(n)
        var previous = state.open
        let start = day.startEpochSeconds + sessionStartSeconds
        for k in 0..<n {
            let t = Double(k + 1) / Double(n)
            let close = k == n - 1 ? state.close : tick(state.open * exp(walk[k] - t * walk[n - 1] + t * target))
            let spread = barSigma * 0.5
            let high = tick(max(previous, close) * exp(abs(rng.normal()) * spread))
            let low = tick(min(previous, close) * exp(-abs(rng.normal()) * spread))
            let volume = (state.volume * shape[k] / shapeTotal * exp(0.3 * rng.normal())).rounded()
            bars.append(Bar(timestamp: start + Int64(k) * interval.seconds, open: previous,
                            high: max(high, previous, close), low: min(low, previous, close), close: close, volume: volume))
            previous = close
        }
        return bars
    }
}
