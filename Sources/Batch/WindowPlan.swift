import MarketData
import Teacher

/// One (symbol, window) to train. Its label is the original's `SYMBOL_YYYY-MM-DD_to_YYYY-MM-DD`.
public struct PlannedWindow: Hashable, Sendable, Codable {
    public var symbol: String
    public var range: DayRange

    public init(symbol: String, range: DayRange) {
        self.symbol = symbol
        self.range = range
    }

    public var label: String { WindowLabel.make(symbol: symbol, window: range) }
}

public enum WindowPlanner {
    /// Windows shorter than this many days are dropped (the original's rule).
    public static let minimumWindowDays = 7

    /// The original's windows (REFERENCE.md §4): each window is `[s, min(s + windowDays, end)]`;
    /// the next starts `stepDays` later (default `windowDays`: the boundary day is in both).
    public static func windows(start: CalendarDay, end: CalendarDay, windowDays: Int, stepDays: Int? = nil) -> [DayRange] {
        let step = stepDays ?? windowDays
        guard windowDays > 0, step > 0 else { return [] }
        var out: [DayRange] = []
        var s = start
        while s < end {
            let e = min(s.adding(days: windowDays), end)
            if s.days(until: e) >= minimumWindowDays { out.append(DayRange(s, e)) }
            if e == end { break }
            s = s.adding(days: step)
        }
        return out
    }

    /// Every symbol's windows, symbol by symbol in the given order.
    public static func plan(symbols: [String], start: CalendarDay, end: CalendarDay, windowDays: Int, stepDays: Int? = nil) -> [PlannedWindow] {
        let ranges = windows(start: start, end: end, windowDays: windowDays, stepDays: stepDays)
        return symbols.flatMap { symbol in ranges.map { PlannedWindow(symbol: symbol, range: $0) } }
    }
}
