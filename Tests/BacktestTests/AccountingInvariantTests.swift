import Foundation
import Testing
import Backtest
import MarketData

private let backtester = Backtester(schedule: try! CostSchedule.bundled())

/// Varied settings per seed: small and large k, daily to weekly rebalancing, both plans, small capital.
private func randomSettings(seed: UInt64) -> BacktestSettings {
    var rng = SeededGenerator(seed: seed ^ 0x5EED)
    let topK = Int.random(in: 1...8, using: &rng)
    return BacktestSettings(
        topK: topK,
        rebalanceDays: Int.random(in: 1...7, using: &rng),
        maxReplacements: Int.random(in: 0...topK, using: &rng),
        minProbability: Double.random(in: 0.3...0.7, using: &rng),
        capital: Money(paise: Int.random(in: 50_000_00...20_00_000_00, using: &rng)),
        plan: Bool.random(using: &rng) ? "zero-delivery" : "percent-min"
    )
}

@Suite("Accounting invariants over seeded random markets")
struct AccountingInvariantTests {
    @Test(arguments: 1...60 as ClosedRange<UInt64>)
    func invariantsHold(seed: UInt64) throws {
        let market = RandomMarket(seed: seed, symbols: 20, days: 90, missingRate: 0.05)
        let settings = randomSettings(seed: seed)
        let result = try backtester.run(signals: market.randomSignals(seed: seed), prices: market.prices, settings: settings)
        #expect(result.fills.contains { $0.side == .buy })
        checkFillTiming(result, days: market.prices.days)
        checkLedgerReplay(result, market: market)
        checkGrossMinusNet(result)
    }
}

/// Every fill comes the trading day after its signal date; only the final liquidation has none.
func checkFillTiming(_ result: BacktestResult, days: [CalendarDay]) {
    for fill in result.fills {
        #expect(fill.quantity > 0)
        if let signalDate = fill.signalDate {
            #expect(fill.date > signalDate)
            #expect(days.firstIndex(of: fill.date) == days.firstIndex(of: signalDate)! + 1)
        } else {
            #expect(fill.date == days.last && fill.side == .sell)
        }
    }
}

/// Replays the fills against the prices and checks each day's cash, holdings and equity to the paisa.
func checkLedgerReplay(_ result: BacktestResult, market: RandomMarket) {
    let days = market.prices.days
    var cash = result.settings.capital
    var quantities: [String: Int] = [:]
    var marks: [String: Money] = [:]
    let fillsByDate = Dictionary(grouping: result.fills, by: \.date)
    #expect(result.equity.count == days.count)
    for (index, day) in days.enumerated() {
        for fill in fillsByDate[day] ?? [] {
            let open = market.opens[fill.symbol]![index].map { Money(rupees: $0) }
            switch fill.side {
            case .buy:
                #expect(fill.price == open)
                #expect(quantities[fill.symbol] == nil)
                cash = cash - fill.value - fill.charges.total
                quantities[fill.symbol] = fill.quantity
            case .sell:
                #expect(quantities[fill.symbol] == fill.quantity)
                cash = cash + fill.value - fill.charges.total
                quantities[fill.symbol] = nil
            }
            #expect(cash >= .zero)
        }
        for symbol in market.symbols {
            if let close = market.closes[symbol]![index] {
                marks[symbol] = Money(rupees: close)
            } else if marks[symbol] == nil, let open = market.opens[symbol]![index] {
                marks[symbol] = Money(rupees: open)
            }
        }
        let holdings = quantities.reduce(Money.zero) { $0 + marks[$1.key]! * $1.value }
        let point = result.equity[index]
        #expect(point.date == day)
        #expect(point.cash == cash)
        #expect(point.holdingsValue == holdings)
        #expect(point.equity == cash + holdings)
    }
    #expect(quantities.isEmpty, "everything is sold at the end")
}

func checkGrossMinusNet(_ result: BacktestResult) {
    let charges = result.fills.reduce(Money.zero) { $0 + $1.charges.total }
    #expect(result.grossPnL - result.netPnL == charges)
    #expect(result.metrics.totalCharges == charges)
    let capital = result.settings.capital.rupeesDouble
    #expect(abs((result.metrics.grossReturn - result.metrics.netReturn) - charges.rupeesDouble / capital) < 1e-12)
}
