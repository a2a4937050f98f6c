import MarketData

extension TeacherConfig {
    /// Trading days beyond the warm-up and look-ahead bars, so a gap in the data does not cut them short.
    static let barMargin = 10

    /// Trading days that hold `bars` bars of this interval (regular sessions).
    public func tradingDays(holding bars: Int) -> Int {
        let perDay = interval.barsPerTradingDay
        return (bars + perDay - 1) / perDay
    }

    /// The days of bars to load to train `window`: its warm-up history before and the bars its
    /// labels look ahead to after, in trading days (plus a margin).
    public func barsNeeded(for window: DayRange, calendar: TradingCalendar) -> DayRange {
        let before = warmup ? calendar.tradingDay(tradingDays(holding: warmupBars) + Self.barMargin, before: window.first) : window.first
        let after = labelLookahead ? calendar.tradingDay(tradingDays(holding: horizon) + Self.barMargin, after: window.last) : window.last
        return DayRange(before, after)
    }
}
