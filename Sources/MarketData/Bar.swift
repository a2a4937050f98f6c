/// Bar sizes, named as the Breeze API and the original cache name them.
public enum Interval: String, CaseIterable, Sendable, Codable {
    case oneMinute = "1minute"
    case fiveMinute = "5minute"
    case thirtyMinute = "30minute"
    case oneDay = "1day"

    /// The name Breeze's historical v2 endpoint and the cache directories use.
    public var breezeName: String { rawValue }

    public var seconds: Int64 {
        switch self {
        case .oneMinute: 60
        case .fiveMinute: 300
        case .thirtyMinute: 1800
        case .oneDay: 86_400
        }
    }

    /// Bars in one regular NSE session (375, 75, 13 or 1).
    public var barsPerTradingDay: Int { TradingSession.regular.barCount(self) }

    public var isIntraday: Bool { self != .oneDay }
}

/// One OHLCV bar. `timestamp` is the bar's start as epoch seconds (daily bars: 00:00 IST).
public struct Bar: Equatable, Sendable {
    public var timestamp: Int64
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    public init(timestamp: Int64, open: Double, high: Double, low: Double, close: Double, volume: Double) {
        self.timestamp = timestamp
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    public var day: CalendarDay { CalendarDay(containing: timestamp) }
}

/// Bars of one symbol and interval, sorted by timestamp, stored as columns for numeric work.
public struct BarSeries: Equatable, Sendable {
    public private(set) var timestamps: [Int64] = []
    public private(set) var open: [Double] = []
    public private(set) var high: [Double] = []
    public private(set) var low: [Double] = []
    public private(set) var close: [Double] = []
    public private(set) var volume: [Double] = []

    public init() {}

    /// Sorts by timestamp; when two bars share a timestamp the later one in `bars` wins.
    public init(bars: [Bar]) {
        var latest: [Int64: Bar] = [:]
        latest.reserveCapacity(bars.count)
        for bar in bars { latest[bar.timestamp] = bar }
        reserve(latest.count)
        for ts in latest.keys.sorted() { appendUnchecked(latest[ts]!) }
    }

    public var count: Int { timestamps.count }
    public var isEmpty: Bool { timestamps.isEmpty }

    public subscript(i: Int) -> Bar {
        Bar(timestamp: timestamps[i], open: open[i], high: high[i], low: low[i], close: close[i], volume: volume[i])
    }

    public var bars: [Bar] { (0..<count).map { self[$0] } }
    public var firstDay: CalendarDay? { timestamps.first.map(CalendarDay.init(containing:)) }
    public var lastDay: CalendarDay? { timestamps.last.map(CalendarDay.init(containing:)) }

    /// The distinct IST days that hold at least one bar, ascending.
    public var days: [CalendarDay] {
        var out: [CalendarDay] = []
        for ts in timestamps {
            let d = CalendarDay(containing: ts)
            if out.last != d { out.append(d) }
        }
        return out
    }

    /// Bars whose IST day lies in `first...last` (binary search; no copy of the rest).
    public func slice(_ range: DayRange) -> BarSeries {
        let lo = lowerBound(range.first.startEpochSeconds)
        let hi = lowerBound(range.last.adding(days: 1).startEpochSeconds)
        return sliceIndices(lo..<hi)
    }

    public func sliceIndices(_ r: Range<Int>) -> BarSeries {
        var s = BarSeries()
        s.timestamps = Array(timestamps[r]); s.open = Array(open[r]); s.high = Array(high[r])
        s.low = Array(low[r]); s.close = Array(close[r]); s.volume = Array(volume[r])
        return s
    }

    /// First index whose timestamp is >= `ts`.
    public func lowerBound(_ ts: Int64) -> Int { timestamps.lowerBound(of: ts) }

    /// Appends a bar that is strictly later than the last one (callers guarantee order).
    mutating func appendUnchecked(_ b: Bar) {
        timestamps.append(b.timestamp); open.append(b.open); high.append(b.high)
        low.append(b.low); close.append(b.close); volume.append(b.volume)
    }

    mutating func reserve(_ n: Int) {
        timestamps.reserveCapacity(n); open.reserveCapacity(n); high.reserveCapacity(n)
        low.reserveCapacity(n); close.reserveCapacity(n); volume.reserveCapacity(n)
    }
}
