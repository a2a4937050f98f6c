import MarketData

/// One trading day's close-of-day state. `equity` = `cash` + `holdingsValue` by construction.
public struct EquityPoint: Hashable, Sendable {
    public var date: CalendarDay
    public var cash: Money
    public var holdingsValue: Money
    public var benchmarkEquity: Money

    public var equity: Money { cash + holdingsValue }
}

public struct BacktestResult: Sendable {
    public let settings: BacktestSettings
    public let fills: [Fill]
    public let equity: [EquityPoint]
    public let metrics: Metrics
    /// Final equity minus capital.
    public let netPnL: Money
    /// What the same fills would have earned with no charges: `netPnL` plus all charges paid.
    public let grossPnL: Money
}
