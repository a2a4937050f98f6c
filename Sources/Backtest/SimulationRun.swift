import MarketData

/// The state of one backtest as it walks the trading days.
struct SimulationRun {
    let prices: DailyPrices
    let window: Range<Int>
    let settings: BacktestSettings
    let signalsByDate: [CalendarDay: [Signal]]
    /// The benchmark's universe: every symbol with a signal in the window.
    let universe: [String]
    var strategy: Ledger
    var benchmark: Ledger
    /// Last known close per symbol (the fill price until a first close is seen).
    var marks: [String: Money] = [:]
    var equity: [EquityPoint] = []

    init(prices: DailyPrices, window: Range<Int>, signals: [Signal], settings: BacktestSettings, strategy: Ledger, benchmark: Ledger) {
        self.prices = prices
        self.window = window
        self.settings = settings
        self.signalsByDate = Dictionary(grouping: signals, by: \.date)
        self.universe = Set(signals.map(\.symbol)).sorted()
        self.strategy = strategy
        self.benchmark = benchmark
    }

    private struct PendingRebalance {
        var signalDate: CalendarDay
        var plan: RebalancePlan
    }

    mutating func simulate() throws(CostScheduleError) {
        let firstRebalance = window.first { signalsByDate[prices.days[$0]] != nil }
        var pending: PendingRebalance?
        for day in window {
            if let order = pending {
                try fillRebalance(order, day: day)
                pending = nil
            }
            if let firstRebalance, day == firstRebalance + 1 {
                try buyBenchmark(day: day)
            }
            updateMarks(day: day)
            if day == window.upperBound - 1 {
                try liquidate(day: day)
            }
            recordEquity(day: day)
            if let firstRebalance, day >= firstRebalance, (day - firstRebalance) % settings.rebalanceDays == 0 {
                pending = decide(day: day)
            }
        }
    }

    func result() -> BacktestResult {
        let netPnL = (equity.last?.equity ?? settings.capital) - settings.capital
        let charges = strategy.fills.reduce(Money.zero) { $0 + $1.charges.total }
        let metrics = Metrics(equity: equity, fills: strategy.fills, roundTrips: strategy.roundTrips, settings: settings)
        return BacktestResult(settings: settings, fills: strategy.fills, equity: equity,
                              metrics: metrics, netPnL: netPnL, grossPnL: netPnL + charges)
    }

    /// Nil when the date has no signals at all (missing predictions): the portfolio is held unchanged.
    private func decide(day: Int) -> PendingRebalance? {
        let date = prices.days[day]
        guard let signals = signalsByDate[date] else { return nil }
        return PendingRebalance(signalDate: date, plan: TargetSelection.plan(signals: signals, held: strategy.heldSymbols, settings: settings))
    }

    /// Sells first so their proceeds fund the buys; a symbol with no open price today is not traded.
    private mutating func fillRebalance(_ order: PendingRebalance, day: Int) throws(CostScheduleError) {
        let date = prices.days[day]
        for symbol in order.plan.sells {
            guard let open = openPrice(symbol, day) else { continue }
            try strategy.sellAll(symbol, price: open, date: date, signalDate: order.signalDate)
        }
        guard order.plan.targetCount > 0 else { return }
        let equityAtOpen = strategy.cash + strategy.holdingsValue(marks: openMarks(day))
        let perName = Money(paise: equityAtOpen.paise / order.plan.targetCount)
        for symbol in order.plan.buys {
            guard let open = openPrice(symbol, day) else { continue }
            try strategy.buy(symbol, price: open, budget: perName, date: date, signalDate: order.signalDate)
        }
    }

    private mutating func buyBenchmark(day: Int) throws(CostScheduleError) {
        guard !universe.isEmpty else { return }
        let perName = Money(paise: settings.capital.paise / universe.count)
        for symbol in universe {
            guard let open = openPrice(symbol, day) else { continue }
            try benchmark.buy(symbol, price: open, budget: perName, date: prices.days[day], signalDate: nil)
        }
    }

    /// Closes both portfolios at the last day's marks, so their returns include exit charges.
    /// Every held symbol has a mark: it was bought at an open, which seeds the mark when no close exists yet.
    private mutating func liquidate(day: Int) throws(CostScheduleError) {
        let date = prices.days[day]
        for symbol in strategy.heldSymbols.sorted() {
            try strategy.sellAll(symbol, price: marks[symbol]!, date: date, signalDate: nil)
        }
        for symbol in benchmark.heldSymbols.sorted() {
            try benchmark.sellAll(symbol, price: marks[symbol]!, date: date, signalDate: nil)
        }
    }

    private mutating func updateMarks(day: Int) {
        for symbol in prices.symbols {
            if let close = prices.close(symbol, at: day) {
                marks[symbol] = Money(rupees: close)
            } else if marks[symbol] == nil, let open = openPrice(symbol, day) {
                marks[symbol] = open
            }
        }
    }

    private mutating func recordEquity(day: Int) {
        equity.append(EquityPoint(
            date: prices.days[day],
            cash: strategy.cash,
            holdingsValue: strategy.holdingsValue(marks: marks),
            benchmarkEquity: benchmark.cash + benchmark.holdingsValue(marks: marks)
        ))
    }

    private func openPrice(_ symbol: String, _ day: Int) -> Money? {
        prices.open(symbol, at: day).map { Money(rupees: $0) }
    }

    /// Today's open where there is one, else the last close: the prices at which equal weights are sized.
    private func openMarks(_ day: Int) -> [String: Money] {
        var result = marks
        for symbol in strategy.heldSymbols {
            if let open = openPrice(symbol, day) { result[symbol] = open }
        }
        return result
    }
}
