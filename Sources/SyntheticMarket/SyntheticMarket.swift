import Foundation
import MarketData

/// A deterministic fake NSE market: the same (seed, symbol) always gives the same bars, and the
/// bars of any sub-range are a slice of those of a longer range. Bars exist only on NSE trading
/// days the calendar covers, from each symbol's listing date, outside the planted gaps.
/// Its data is written to caches as `DataSource.synthetic`. Every day is walked minute by minute
/// over its session (special sessions included, `SessionPath`): the bars of every interval are
/// aggregates of those minutes, so they agree with each other and with the daily bar.
public struct SyntheticMarket: Sendable {
    public let seed: UInt64
    public let gaps: [SyntheticGap]
    public let listingDates: [String: CalendarDay]
    public let dynamics: MarketDynamics
    /// Every trading day the calendar covers, ascending; the walk starts at the first.
    private let allTradingDays: [CalendarDay]
    /// Each day's session times (intraday bars fall on them).
    private let calendar: TradingCalendar

    public init(seed: UInt64, gaps: [SyntheticGap] = [], listingDates: [String: CalendarDay] = [:],
                dynamics: MarketDynamics = .realistic, calendar: TradingCalendar) throws {
        self.seed = seed
        self.dynamics = dynamics
        self.gaps = gaps
        self.listingDates = listingDates
        let years = calendar.coveredYears
        let covered = DayRange(CalendarDay(year: years.lowerBound, month: 1, day: 1)!, CalendarDay(year: years.upperBound, month: 12, day: 31)!)
        self.allTradingDays = try calendar.tradingDays(in: covered)
        self.calendar = calendar
    }

    /// A market on the bundled NSE calendar.
    public init(seed: UInt64, gaps: [SyntheticGap] = [], listingDates: [String: CalendarDay] = [:],
                dynamics: MarketDynamics = .realistic) throws {
        try self.init(seed: seed, gaps: gaps, listingDates: listingDates, dynamics: dynamics, calendar: try TradingCalendar.nse())
    }

    /// The days the market can have bars on.
    public var coveredRange: DayRange? {
        guard let first = allTradingDays.first, let last = allTradingDays.last else { return nil }
        return DayRange(first, last)
    }

    /// Trading days in `range` on or after `symbol`'s listing date (gap days included: on
    /// those the market answers with no bars).
    public func tradingDays(symbol: String, range: DayRange) -> [CalendarDay] {
        let listing = listingDates[symbol] ?? .init(ordinal: .min)
        return daysIndices(range).map { allTradingDays[$0] }.filter { $0 >= listing }
    }

    public func hasBars(symbol: String, day: CalendarDay) -> Bool {
        day >= (listingDates[symbol] ?? .init(ordinal: .min)) && !gaps.contains { $0.covers(symbol: symbol, day: day) }
    }

    /// The bars of `symbol` in `range` (empty outside the calendar's covered years).
    public func bars(symbol: String, interval: Interval, range: DayRange) -> BarSeries {
        let wanted = daysIndices(range)
        guard !wanted.isEmpty else { return BarSeries() }
        var path = DailyPath(seed: seed, symbol: symbol, dynamics: dynamics)
        for _ in 0..<wanted.lowerBound { _ = path.next() }
        var bars: [Bar] = []
        bars.reserveCapacity(wanted.count * interval.barsPerTradingDay)
        let intradaySeed = SplitMix64.mix(seed, SplitMix64.hash(symbol), 0x1D)
        for index in wanted {
            let state = path.next()
            let day = allTradingDays[index]
            guard hasBars(symbol: symbol, day: day) else { continue }
            let session = calendar.session(on: day) ?? .regular
            var minutes = SessionPath(day: day, state: state, session: session, seed: intradaySeed, pull: dynamics.intradayPull)
            if interval.isIntraday {
                bars += minutes.bars(interval, midnight: day.startEpochSeconds, volume: state.volume, session: session)
            } else {
                bars.append(Bar(timestamp: day.startEpochSeconds, open: state.open, high: minutes.high,
                                low: minutes.low, close: state.close, volume: state.volume))
            }
        }
        return BarSeries(bars: bars)
    }

    /// Indices into `allTradingDays` of the days inside `range`.
    private func daysIndices(_ range: DayRange) -> Range<Int> {
        let lo = allTradingDays.lowerBound(of: range.first), hi = allTradingDays.lowerBound(of: range.last.adding(days: 1))
        return lo..<max(lo, hi)
    }
}
