import MarketData

/// Which bars each of a symbol's window models scores, out of sample.
///
/// A row at bar `t` is labelled from bars `t...t+h` (h = the forecast horizon). The last row a
/// window's model trained or early-stopped on is the window's last bar `e`, whose label reaches
/// `e + h`. So the model may score bar `s` only when `s > e + h`: the first scored bar is
/// `e + h + 1` (purge and embargo in one rule, counted in bars of the series, so a gap in the
/// data cannot shorten it). A model scores for `evalDays` calendar days from its first bar, and
/// stops where the next window's model starts (the newest model available takes over).
public enum ScoringSchedule {
    /// - Parameters:
    ///   - barDays: the day of each bar of the symbol, ascending.
    ///   - windows: the windows whose models score, ascending by end.
    /// - Returns: per window, the indices into `barDays` it scores (possibly empty).
    public static func assign(barDays: [CalendarDay], windows: [DayRange], horizon: Int, evalDays: Int) -> [Range<Int>] {
        let firsts = windows.map { firstScoredBar(barDays: barDays, windowEnd: $0.last, horizon: horizon) }
        return windows.indices.map { i in
            let first = firsts[i]
            guard first < barDays.count else { return first..<first }
            var end = barDays.lowerBound(of: barDays[first].adding(days: evalDays))
            if let next = firsts[(i + 1)...].first(where: { $0 > first }) { end = min(end, next) }
            return first..<max(first, end)
        }
    }

    /// `e + h + 1`, where `e` is the last bar on or before `windowEnd` (`h` when there is none).
    public static func firstScoredBar(barDays: [CalendarDay], windowEnd: CalendarDay, horizon: Int) -> Int {
        barDays.lowerBound(of: windowEnd.adding(days: 1)) - 1 + horizon + 1
    }
}
