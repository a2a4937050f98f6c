import MarketData

/// Cash, positions and executed fills of one portfolio. Every amount is in whole paise.
struct Ledger {
    struct Position {
        var quantity: Int
        /// Buy value plus buy charges.
        var cost: Money
    }

    private(set) var cash: Money
    private(set) var positions: [String: Position] = [:]
    private(set) var fills: [Fill] = []
    private(set) var roundTrips: [RoundTrip] = []
    private let costs: CostCalculator
    private let plan: BrokeragePlan

    init(cash: Money, costs: CostCalculator, plan: BrokeragePlan) {
        self.cash = cash
        self.costs = costs
        self.plan = plan
    }

    var heldSymbols: Set<String> { Set(positions.keys) }

    func holdingsValue(marks: [String: Money]) -> Money {
        positions.reduce(.zero) { sum, entry in sum + (marks[entry.key] ?? .zero) * entry.value.quantity }
    }

    mutating func sellAll(_ symbol: String, price: Money, date: CalendarDay, signalDate: CalendarDay?) throws(CostScheduleError) {
        guard let position = positions.removeValue(forKey: symbol) else { return }
        let value = price * position.quantity
        let charges = try costs.charges(Order(side: .sell, value: value, date: date), plan: plan)
        cash = cash + value - charges.total
        fills.append(Fill(date: date, signalDate: signalDate, symbol: symbol, side: .sell,
                          quantity: position.quantity, price: price, charges: charges))
        roundTrips.append(RoundTrip(netPnL: value - charges.total - position.cost))
    }

    /// Buys the most whole shares whose value plus charges fits `budget`, keeping `reserve` of cash untouched.
    mutating func buy(_ symbol: String, price: Money, budget: Money, date: CalendarDay, signalDate: CalendarDay?) throws(CostScheduleError) {
        let reserve = try exitReserve(positionsAfterBuy: positions.count + 1, date: date)
        let spendable = min(budget, cash - reserve)
        guard spendable > .zero, positions[symbol] == nil else { return }
        guard let (quantity, charges) = try affordable(price: price, budget: spendable, date: date) else { return }
        let value = price * quantity
        cash = cash - value - charges.total
        positions[symbol] = Position(quantity: quantity, cost: value + charges.total)
        fills.append(Fill(date: date, signalDate: signalDate, symbol: symbol, side: .buy,
                          quantity: quantity, price: price, charges: charges))
    }

    private func affordable(price: Money, budget: Money, date: CalendarDay) throws(CostScheduleError) -> (Int, Charges)? {
        var quantity = budget.paise / price.paise
        while quantity > 0 {
            let value = price * quantity
            let charges = try costs.charges(Order(side: .buy, value: value, date: date), plan: plan)
            let cost = value + charges.total
            if cost <= budget { return (quantity, charges) }
            // Shrink in proportion to the overshoot, by at least one share.
            quantity = min(quantity - 1, quantity * budget.paise / cost.paise)
        }
        return nil
    }

    /// Cash kept back so that selling every position, however far its price falls, cannot overdraw:
    /// the fixed part of a sell's charges (minimum brokerage, its GST, DP) per position, plus a paisa per charge for rounding.
    private func exitReserve(positionsAfterBuy count: Int, date: CalendarDay) throws(CostScheduleError) -> Money {
        let fixed = try costs.charges(Order(side: .sell, value: .zero, date: date), plan: plan).total
        return (fixed + Money(paise: 7)) * count
    }
}
