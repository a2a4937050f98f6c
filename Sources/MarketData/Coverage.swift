/// A run of consecutive trading days with no bars.
public struct MissingRange: Codable, Equatable, Sendable, CustomStringConvertible {
    public var first: CalendarDay
    public var last: CalendarDay
    public var tradingDays: Int

    public var description: String {
        "\(first)..\(last): \(tradingDays) of \(tradingDays) trading days missing"
    }
}

/// One symbol's coverage of a date range, measured against the trading calendar.
public struct SymbolCoverage: Codable, Equatable, Sendable {
    public var symbol: String
    public var interval: Interval
    public var range: DayRange
    public var expectedDays: Int
    public var presentDays: Int
    public var firstBar: String?
    public var lastBar: String?
    public var missing: [MissingRange]

    public var missingDays: Int { expectedDays - presentDays }
    public var isComplete: Bool { missing.isEmpty }

    enum CodingKeys: String, CodingKey {
        case symbol, interval, range
        case expectedDays = "expected_days", presentDays = "present_days"
        case firstBar = "first_bar", lastBar = "last_bar", missing
    }
}

public enum Coverage {
    /// Compares the trading days of `range` with the days that hold bars.
    public static func measure(symbol: String, interval: Interval, range: DayRange, series: BarSeries,
                               calendar: TradingCalendar) throws -> SymbolCoverage {
        let expected = try calendar.tradingDays(in: range)
        let present = Set(series.days)
        return SymbolCoverage(
            symbol: symbol, interval: interval, range: range,
            expectedDays: expected.count,
            presentDays: expected.filter(present.contains).count,
            firstBar: series.timestamps.first.map(IST.format),
            lastBar: series.timestamps.last.map(IST.format),
            missing: missingRuns(expected: expected, present: present))
    }

    /// Collapses the expected days that are absent into maximal runs of consecutive trading days.
    public static func missingRuns(expected: [CalendarDay], present: Set<CalendarDay>) -> [MissingRange] {
        var runs: [MissingRange] = []
        var current: MissingRange? = nil
        for day in expected {
            if present.contains(day) {
                if let run = current { runs.append(run); current = nil }
            } else if current != nil {
                current!.last = day
                current!.tradingDays += 1
            } else {
                current = MissingRange(first: day, last: day, tradingDays: 1)
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }

    public static func audit(cache: BarCache, symbols: [String], interval: Interval, range: DayRange,
                             calendar: TradingCalendar) throws -> [SymbolCoverage] {
        try symbols.map { symbol in
            try measure(symbol: symbol, interval: interval, range: range,
                        series: cache.load(symbol: symbol, interval: interval, range: range), calendar: calendar)
        }
    }
}
