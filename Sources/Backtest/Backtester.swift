import MarketData

/// The daily portfolio simulation: long-only cash delivery, top-k equal weight, TopkDropout rebalancing.
public struct Backtester: Sendable {
    public let costs: CostCalculator
    public let plans: [BrokeragePlan]

    public init(schedule: CostSchedule, plans: [BrokeragePlan] = BrokeragePlan.builtIn) {
        self.costs = CostCalculator(schedule: schedule)
        self.plans = plans
    }

    public func run(signals: [Signal], prices: DailyPrices, settings: BacktestSettings) throws(BacktestError) -> BacktestResult {
        try settings.validate()
        guard let plan = plans.first(where: { $0.name == settings.plan }) else { throw .unknownPlan(settings.plan) }
        let window = try tradingWindow(prices.days, settings: settings)
        let inWindow = signals.filter { $0.date >= prices.days[window.lowerBound] && $0.date <= prices.days[window.upperBound - 1] }
        try validate(inWindow, prices: prices)

        var run = SimulationRun(prices: prices, window: window, signals: inWindow, settings: settings,
                                strategy: Ledger(cash: settings.capital, costs: costs, plan: plan),
                                benchmark: Ledger(cash: settings.capital, costs: costs, plan: plan))
        do { try run.simulate() } catch { throw .costs(error) }
        return run.result()
    }

    private func tradingWindow(_ days: [CalendarDay], settings: BacktestSettings) throws(BacktestError) -> Range<Int> {
        let first = days.firstIndex { day in settings.start.map { day >= $0 } ?? true }
        let last = days.lastIndex { day in settings.end.map { day <= $0 } ?? true }
        guard let first, let last, first <= last else { throw .invalidSettings("no trading days between start and end") }
        return first..<(last + 1)
    }

    private func validate(_ signals: [Signal], prices: DailyPrices) throws(BacktestError) {
        let known = Set(prices.symbols)
        struct Key: Hashable { var date: CalendarDay; var symbol: String }
        var seen = Set<Key>()
        for signal in signals {
            guard known.contains(signal.symbol) else { throw .invalidSignals("\(signal.symbol) has no prices") }
            guard (0...1).contains(signal.probability) else {
                throw .invalidSignals("\(signal.symbol) on \(signal.date): probability \(signal.probability) is not in 0...1")
            }
            guard seen.insert(Key(date: signal.date, symbol: signal.symbol)).inserted else {
                throw .invalidSignals("two signals for \(signal.symbol) on \(signal.date)")
            }
        }
    }
}
