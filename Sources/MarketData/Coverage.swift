import SystemIO

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
    /// Trading days with no bars, or with fewer bars than their session has (those are also
    /// listed in `partial`): a fetch asks for all of them again.
    public var missing: [MissingRange]
    public var partial: [PartialDay]

    public var missingDays: Int { expectedDays - presentDays }
    public var isComplete: Bool { missing.isEmpty }

    enum CodingKeys: String, CodingKey {
        case symbol, interval, range
        case expectedDays = "expected_days", presentDays = "present_days"
        case firstBar = "first_bar", lastBar = "last_bar", missing, partial
    }
}

/// A trading day holding fewer bars than its session has (an interrupted intraday fetch).
public struct PartialDay: Codable, Equatable, Sendable, CustomStringConvertible {
    public var day: CalendarDay
    public var bars: Int
    public var expected: Int

    public var description: String { "\(day): \(bars) of \(expected) bars" }
}

/// How many bars a trading day's session has at an interval (`TradingSession.barCount`): NSE's
/// regular session, 375 one-minute, 75 five-minute or 13 thirty-minute bars; a special session
/// (Muhurat trading, a weekend session) by its own recorded times.
public enum SessionBars {
    public static func expected(on day: CalendarDay, interval: Interval, calendar: TradingCalendar) -> Int {
        (calendar.session(on: day) ?? .regular).barCount(interval)
    }
}

public enum Coverage {
    /// Compares the trading days of `range` with the days that hold bars.
    public static func measure(symbol: String, interval: Interval, range: DayRange, series: BarSeries,
                               calendar: TradingCalendar) throws -> SymbolCoverage {
        let expected = try calendar.tradingDays(in: range)
        let barsPerDay = barCounts(series)
        let partial = partialDays(expected, barsPerDay: barsPerDay, interval: interval, calendar: calendar)
        let complete = Set(barsPerDay.keys).subtracting(partial.map(\.day))
        return SymbolCoverage(
            symbol: symbol, interval: interval, range: range,
            expectedDays: expected.count,
            presentDays: expected.filter(complete.contains).count,
            firstBar: series.timestamps.first.map(IST.format),
            lastBar: series.timestamps.last.map(IST.format),
            missing: missingRuns(expected: expected, present: complete),
            partial: partial)
    }

    /// The trading days of `range` that hold some bars, but fewer than their session has:
    /// an interrupted intraday fetch. Training on them would mix truncated days into the rows.
    public static func partialDays(_ series: BarSeries, range: DayRange, interval: Interval,
                                   calendar: TradingCalendar) -> [PartialDay] {
        guard interval.isIntraday, let days = try? calendar.tradingDays(in: range) else { return [] }
        return partialDays(days, barsPerDay: barCounts(series.slice(range)), interval: interval, calendar: calendar)
    }

    static func partialDays(_ days: [CalendarDay], barsPerDay: [CalendarDay: Int], interval: Interval,
                            calendar: TradingCalendar) -> [PartialDay] {
        days.compactMap { day -> PartialDay? in
            guard let bars = barsPerDay[day] else { return nil }
            let want = SessionBars.expected(on: day, interval: interval, calendar: calendar)
            return bars < want ? PartialDay(day: day, bars: bars, expected: want) : nil
        }
    }

    static func barCounts(_ series: BarSeries) -> [CalendarDay: Int] {
        var barsPerDay: [CalendarDay: Int] = [:]
        for ts in series.timestamps { barsPerDay[CalendarDay(containing: ts), default: 0] += 1 }
        return barsPerDay
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

/// A day file whose bytes are not the ones the manifest recorded (or that is gone).
public struct ChecksumMismatch: Codable, Equatable, Sendable, CustomStringConvertible {
    public var symbol: String
    public var file: String
    public var expected: String
    /// nil when the file is missing.
    public var actual: String?

    public var description: String {
        actual.map { "\(file): SHA-256 \($0) differs from the manifest's \(expected)" } ?? "\(file): missing, the manifest records it"
    }
}

extension Coverage {
    /// Every day of `range` the manifest records with bars, checked against its SHA-256.
    public static func verify(cache: BarCache, symbol: String, interval: Interval, range: DayRange) throws -> [ChecksumMismatch] {
        let manifest = try cache.manifest(symbol: symbol, interval: interval)
        let dir = cache.directory(symbol: symbol, interval: interval)
        return manifest.days.filter { range.contains($0.key) && $0.value.rows > 0 && !$0.value.sha256.isEmpty }
            .sorted { $0.key < $1.key }
            .compactMap { day, record in
                let path = dir.appendingPathComponent(CacheFileName.daily(day)).path
                guard let bytes = try? PosixFile.read(path) else {
                    return ChecksumMismatch(symbol: symbol, file: path, expected: record.sha256, actual: nil)
                }
                let actual = SHA256.hex(bytes)
                return actual == record.sha256 ? nil : ChecksumMismatch(symbol: symbol, file: path, expected: record.sha256, actual: actual)
            }
    }
}
