import Foundation
import MarketData

/// Intraday bars of one synthetic day: a Brownian bridge in log price from the day's open to
/// its close, with the U-shaped volatility and volume of a real session (busy open and close).
/// Where the bridge would leave the day's high..low, its wander from the straight line is shrunk
/// to fit rather than cut off: cut off, about a fifth of 5-minute closes sat flat at the day's
/// high or low, a tell a model learns even with no edge planted.
/// The day's bars aggregate exactly to its daily bar: first open, last close, highest high,
/// lowest low and total volume are the daily bar's (so daily and intraday data never disagree).
/// Bars fall on the session's own times (a special session has its own), one per bar start.
/// `pull` > 0 makes the walk's steps revert within the session (`IntradayReversion`) before
/// the bridge ties them to the close.
enum IntradayPath {
    static func bars(day: CalendarDay, state: DailyState, interval: Interval, session: TradingSession, seed: UInt64,
                     pull: Double = 0) -> [Bar] {
        let starts = session.barStarts(interval)
        let n = starts.count
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, UInt64(bitPattern: Int64(day.ordinal)), UInt64(n)))
        let shape = (0..<n).map { k -> Double in
            let x = n == 1 ? 0 : Double(k) / Double(n - 1) - 0.5
            return 1 + 3 * x * x
        }
        let barSigma = state.volatility / Double(n).squareRoot()
        let shocks = (0..<n).map { barSigma * shape[$0].squareRoot() * rng.normal() }
        var walk = [Double](repeating: 0, count: n)
        var sum = 0.0
        for (k, step) in IntradayReversion.steps(shocks: shocks, strength: pull).enumerated() {
            sum += step
            walk[k] = sum
        }
        let target = log(state.close / state.open)
        let inDay = { (price: Double) in min(state.high, max(state.low, price)) }
        var bars: [Bar] = []
        bars.reserveCapacity(n)
        var previous = state.open
        let midnight = day.startEpochSeconds
        let elapsed = (0..<n).map { Double($0 + 1) / Double(n) }
        let line = elapsed.map { $0 * target }
        let wander = (0..<n).map { walk[$0] - elapsed[$0] * walk[n - 1] }
        let scale = fittingScale(wander: wander, line: line, up: log(state.high / state.open), down: log(state.low / state.open))
        for k in 0..<n {
            let close = k == n - 1 ? state.close : inDay(tick(state.open * exp(line[k] + scale * wander[k])))
            let spread = barSigma * 0.5
            let high = inDay(tick(max(previous, close) * exp(abs(rng.normal()) * spread)))
            let low = inDay(tick(min(previous, close) * exp(-abs(rng.normal()) * spread)))
            bars.append(Bar(timestamp: midnight + starts[k], open: previous,
                            high: max(high, previous, close), low: min(low, previous, close), close: close, volume: 0))
            previous = close
        }
        touchExtremes(&bars, high: state.high, low: state.low)
        let weights = shape.map { $0 * exp(0.3 * rng.normal()) }
        for (k, v) in split(volume: state.volume, weights: weights).enumerated() { bars[k].volume = v }
        return bars
    }

    /// The largest factor (at most 1) by which the bridge's wander from the straight line can be
    /// shrunk so the path stays between the day's low and high without being cut off there.
    static func fittingScale(wander: [Double], line: [Double], up: Double, down: Double) -> Double {
        var scale = 1.0
        for (w, l) in zip(wander, line) {
            if w > 0 { scale = min(scale, max(0, up - l) / w) }
            if w < 0 { scale = min(scale, max(0, l - down) / -w) }
        }
        return scale
    }

    /// The day's high and low are reached in the bars that come closest to them.
    static func touchExtremes(_ bars: inout [Bar], high: Double, low: Double) {
        guard let top = bars.indices.max(by: { bars[$0].high < bars[$1].high }),
              let bottom = bars.indices.min(by: { bars[$0].low < bars[$1].low }) else { return }
        bars[top].high = high
        bars[bottom].low = low
    }

    /// Whole shares in proportion to `weights`, summing exactly to `volume`.
    static func split(volume: Double, weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var parts = weights.map { (volume * $0 / total).rounded(.down) }
        parts[parts.count - 1] += volume - parts.reduce(0, +)
        return parts
    }
}
