import Foundation
import MarketData

/// Training that reads each window's bars from the cache itself (a worker holds one window at a
/// time, never a whole batch's bars). The bars read are the window's warm-up, window and
/// look-ahead, the same slice the teacher takes from a whole symbol's bars, so the model is the
/// same. A damaged file fails the window as `dataCorrupt`, as preflight would have skipped it.
public struct CachedBarsTraining: WindowTraining {
    public let base: WindowTraining
    public let cache: BarCache
    public let interval: Interval
    public let preflight: Preflight

    public init(base: WindowTraining, cache: BarCache, interval: Interval, preflight: Preflight) {
        self.base = base
        self.cache = cache
        self.interval = interval
        self.preflight = preflight
    }

    public func train(_ window: PlannedWindow, bars _: BarSeries, directory: URL) throws -> WindowTrainingResult {
        guard let range = preflight.dataRange(for: [window.range]) else {
            throw WindowFailure(.internal, "no data range for \(window.label)")
        }
        let bars = try cache.load(symbol: window.symbol, interval: interval, range: range)
        return try base.train(window, bars: bars, directory: directory)
    }
}
