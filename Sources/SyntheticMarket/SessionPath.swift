import Foundation
import MarketData

/// One synthetic day minute by minute: the single path that the day's 1-, 5- and 30-minute bars
/// and its daily high and low all come from, so every interval agrees with every other (a bar is
/// the aggregate of its minutes; the daily bar of all of them).
///
/// In log price the path is a Brownian bridge from the open to the close in variance time: its
/// steps are busier at the open and the close (the U-shaped volatility of a real session) and its
/// walk has the variance of the day's open-to-close return. With that return drawn independently
/// of everything before the open, the bridge is exactly a random walk, so nothing earlier in a
/// session predicts the rest of it. The day's high and low are where the path went: drawn
/// beforehand and fitted into, they told a model where the path still had to go (a tell worth a
/// pooled AUC of 0.507-0.514 on the no-edge market together with the two other tells fixed with it).
/// `pull` > 0 makes each minute's step revert against the session's recent move
/// (`IntradayReversion`) before the bridge ties the path to the close.
struct SessionPath {
    let open: Double
    /// The day's close: the price at the end of the last minute.
    let close: Double
    /// Log price over the open at the end of each minute but the last.
    private let logPath: [Double]
    /// Draws after the path's own (the volume split), so a daily bar never pays for them.
    private var rng: Xoshiro256

    init(day: CalendarDay, state: DailyState, session: TradingSession, seed: UInt64, pull: Double) {
        let n = session.barCount(.oneMinute)
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, UInt64(bitPattern: Int64(day.ordinal)), UInt64(n)))
        let shape = Self.uShape(n)
        let stepSigma = state.intradayVolatility / Double(n).squareRoot()
        var steps = [Double](repeating: 0, count: n)
        for k in 0..<n { steps[k] = stepSigma * shape.roots[k] * rng.normal() }
        if pull != 0 { steps = IntradayReversion.steps(shocks: steps, strength: pull) }
        let target = log(state.close / state.open), wander = steps.reduce(0, +)
        var walk = 0.0, elapsed = 0.0
        var logPath = [Double](repeating: 0, count: n - 1)
        for k in 0..<(n - 1) {
            walk += steps[k]
            elapsed += shape.fractions[k]
            logPath[k] = walk + elapsed * (target - wander)
        }
        (open, close) = (state.open, state.close)
        self.logPath = logPath
        self.rng = rng
    }

    /// The price at the end of minute `k` (on the tick grid; the last minute's is the close).
    private func price(_ k: Int) -> Double { k == logPath.count ? close : tick(open * exp(logPath[k])) }

    /// The day's high and low: the extremes of its minutes (ticks and exp keep the order).
    var high: Double { max(open, close, logPath.max().map { tick(open * exp($0)) } ?? open) }
    var low: Double { min(open, close, logPath.min().map { tick(open * exp($0)) } ?? open) }

    /// The session's bars at `interval` (each the aggregate of its minutes), `volume` split over
    /// the minutes in proportion to the session's activity with some noise.
    mutating func bars(_ interval: Interval, midnight: Int64, volume: Double, session: TradingSession) -> [Bar] {
        let starts = session.barStarts(.oneMinute)
        let minuteVolumes = Self.split(volume: volume, weights: Self.uShape(starts.count).fractions.map { $0 * exp(0.3 * rng.normal()) })
        let barStarts = session.barStarts(interval)
        var bars: [Bar] = []
        bars.reserveCapacity(barStarts.count)
        var previous = open, next = 0
        for (k, start) in starts.enumerated() {
            if next < barStarts.count, start >= barStarts[next] {
                bars.append(Bar(timestamp: midnight + barStarts[next], open: previous, high: previous, low: previous,
                                close: previous, volume: 0))
                next += 1
            }
            let minuteClose = price(k)
            bars[bars.count - 1].high = max(bars[bars.count - 1].high, minuteClose)
            bars[bars.count - 1].low = min(bars[bars.count - 1].low, minuteClose)
            bars[bars.count - 1].close = minuteClose
            bars[bars.count - 1].volume += minuteVolumes[k]
            previous = minuteClose
        }
        return bars
    }

    /// The session's volatility profile over `n` minutes, 1 + 3x² (x from -1/2 to 1/2): each
    /// minute's share of the day's variance (summing to 1) and the square root of that share
    /// times `n` (the minute's volatility over the average minute's).
    struct Shape {
        let fractions: [Double]
        let roots: [Double]
    }

    static let regularShape = makeShape(TradingSession.regular.barCount(.oneMinute))

    static func uShape(_ n: Int) -> Shape { n == regularShape.fractions.count ? regularShape : makeShape(n) }

    private static func makeShape(_ n: Int) -> Shape {
        let raw = (0..<n).map { k -> Double in
            let x = n == 1 ? 0 : Double(k) / Double(n - 1) - 0.5
            return 1 + 3 * x * x
        }
        let total = raw.reduce(0, +)
        return Shape(fractions: raw.map { $0 / total }, roots: raw.map { ($0 * Double(n) / total).squareRoot() })
    }

    /// Whole shares in proportion to `weights`, summing exactly to `volume`.
    static func split(volume: Double, weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        var parts = weights.map { (volume * $0 / total).rounded(.down) }
        parts[parts.count - 1] += volume - parts.reduce(0, +)
        return parts
    }
}
