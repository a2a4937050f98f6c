import Foundation
import Testing
import Backtest
import MarketData

private let backtester = Backtester(schedule: try! CostSchedule.bundled())
private let days = tradingDays(from: "2024-11-04", count: 6)

private func flat(_ price: Double) -> [Double?] { Array(repeating: price, count: days.count) }

private func prices(open: [String: [Double?]], close: [String: [Double?]]? = nil) -> DailyPrices {
    try! DailyPrices(days: days, open: open, close: close ?? open)
}

private func signals(_ byDay: [Int: [String: Double]]) -> [Signal] {
    byDay.flatMap { index, probabilities in
        probabilities.map { Signal(date: days[index], symbol: $0.key, probability: $0.value) }
    }
}

private func settings(topK: Int, every: Int, maxReplacements: Int? = nil) -> BacktestSettings {
    BacktestSettings(topK: topK, rebalanceDays: every, maxReplacements: maxReplacements, capital: Money(paise: 1_00_000_00))
}

private struct FillKey: Equatable, CustomStringConvertible {
    var day: Int, signalDay: Int?, symbol: String, side: OrderSide
    var description: String { "d\(day) s\(signalDay.map(String.init) ?? "-") \(symbol) \(side)" }
}

private func keys(_ fills: [Fill]) -> [FillKey] {
    fills.map { f in
        FillKey(day: days.firstIndex(of: f.date)!, signalDay: f.signalDate.map { days.firstIndex(of: $0)! }, symbol: f.symbol, side: f.side)
    }
}

@Suite("Simulation rules")
struct SimulationRuleTests {
    @Test func ordersFillAtTheNextOpenAndSellsComeBeforeBuys() throws {
        let market = prices(open: ["A": flat(100), "B": flat(200)])
        let result = try backtester.run(
            signals: signals([0: ["A": 0.9, "B": 0.6], 2: ["B": 0.9, "A": 0.6], 4: ["B": 0.9, "A": 0.6]]),
            prices: market, settings: settings(topK: 1, every: 2))
        #expect(keys(result.fills) == [
            FillKey(day: 1, signalDay: 0, symbol: "A", side: .buy),
            FillKey(day: 3, signalDay: 2, symbol: "A", side: .sell),
            FillKey(day: 3, signalDay: 2, symbol: "B", side: .buy),
            FillKey(day: 5, signalDay: nil, symbol: "B", side: .sell),
        ])
        let (buyA, sellA, buyB) = (result.fills[0], result.fills[1], result.fills[2])
        #expect(buyA.price == Money(paise: 100_00) && buyA.quantity == 998)
        let cashAfterSale = result.equity[2].cash + sellA.value - sellA.charges.total
        // The sale funds the buy: B's cost uses cash that only exists after A is sold.
        #expect(buyB.value + buyB.charges.total > result.equity[2].cash)
        #expect(buyB.value + buyB.charges.total <= cashAfterSale)
    }

    @Test func aSymbolWithoutAnOpenIsNotTradedThatDay() throws {
        var bOpen = flat(200)
        bOpen[3] = nil
        let market = prices(open: ["A": flat(100), "B": bOpen], close: ["A": flat(100), "B": flat(200)])
        let result = try backtester.run(
            signals: signals([0: ["A": 0.9], 2: ["B": 0.9], 4: ["B": 0.9]]),
            prices: market, settings: settings(topK: 1, every: 2))
        #expect(keys(result.fills) == [
            FillKey(day: 1, signalDay: 0, symbol: "A", side: .buy),
            FillKey(day: 3, signalDay: 2, symbol: "A", side: .sell),
            FillKey(day: 5, signalDay: 4, symbol: "B", side: .buy),
            FillKey(day: 5, signalDay: nil, symbol: "B", side: .sell),
        ])
        #expect(result.equity[3].holdingsValue == .zero && result.equity[4].holdingsValue == .zero)
    }

    @Test func maxReplacementsSwapsTheLowestRankedFirstAndKeptNamesAreNotResized() throws {
        let market = prices(open: ["A": flat(100), "B": flat(100), "C": flat(100), "D": flat(100), "E": flat(100)])
        let result = try backtester.run(
            signals: signals([
                0: ["A": 0.9, "B": 0.8, "C": 0.7, "D": 0.6, "E": 0.6],
                1: ["D": 0.95, "E": 0.95, "A": 0.9, "B": 0.55],
            ]),
            prices: market, settings: settings(topK: 3, every: 1, maxReplacements: 1))
        let secondRebalance = keys(result.fills).filter { $0.day == 2 }
        // Ideal target D, E, A; B and C leave it. C (no signal) ranks lowest and is the one swapped out;
        // D beats E on the tie by name. A and B stay and get no orders.
        #expect(secondRebalance == [
            FillKey(day: 2, signalDay: 1, symbol: "C", side: .sell),
            FillKey(day: 2, signalDay: 1, symbol: "D", side: .buy),
        ])
    }

    @Test func rankingTiesGoBySymbolAndMinimumProbabilityFilters() throws {
        let market = prices(open: ["A": flat(100), "B": flat(100), "C": flat(100)])
        let result = try backtester.run(
            signals: signals([0: ["C": 0.45, "B": 0.7, "A": 0.7]]),
            prices: market, settings: settings(topK: 3, every: 10))
        let buys = result.fills.filter { $0.side == .buy }
        #expect(buys.map(\.symbol) == ["A", "B"])
        // Equal weight: each name's budget is half the equity, so both buys are about Rs 50,000.
        #expect(buys.allSatisfy { abs($0.value.rupeesDouble - 50_000) < 200 })
    }

    @Test func positionsAreMarkedAtTheLastKnownClose() throws {
        let close: [Double?] = [100, 110, nil, 120, 120, 120]
        let market = prices(open: ["A": flat(100)], close: ["A": close])
        let result = try backtester.run(signals: signals([0: ["A": 0.9]]), prices: market, settings: settings(topK: 1, every: 10))
        let quantity = result.fills[0].quantity
        #expect(result.equity[1].holdingsValue == Money(paise: 110_00) * quantity)
        #expect(result.equity[2].holdingsValue == Money(paise: 110_00) * quantity)
        #expect(result.equity[3].holdingsValue == Money(paise: 120_00) * quantity)
    }

    @Test func theBenchmarkBuysTheUniverseAtTheFirstFillOpenAndPaysEntryAndExitCharges() throws {
        let market = prices(open: ["A": flat(100), "B": flat(200), "C": flat(300)])
        let result = try backtester.run(signals: signals([0: ["A": 0.9, "B": 0.1]]), prices: market, settings: settings(topK: 1, every: 10))
        let capital = result.settings.capital
        #expect(result.equity[0].benchmarkEquity == capital)
        // Flat prices: the benchmark loses exactly its charges, about 0.12% on entry and 0.12% + DP on exit.
        let entryCost = (capital - result.equity[1].benchmarkEquity).rupeesDouble
        let exitCost = (result.equity[4].benchmarkEquity - result.equity[5].benchmarkEquity).rupeesDouble
        #expect(entryCost > 100 && entryCost < 130)
        #expect(exitCost > 120 && exitCost < 160)
    }

    @Test func invalidInputsAreRejected() {
        let market = prices(open: ["A": flat(100)])
        #expect(throws: BacktestError.invalidSignals("Z has no prices")) {
            try backtester.run(signals: signals([0: ["Z": 0.9]]), prices: market, settings: settings(topK: 1, every: 1))
        }
        #expect(throws: BacktestError.unknownPlan("nope")) {
            var s = settings(topK: 1, every: 1)
            s.plan = "nope"
            return try backtester.run(signals: [], prices: market, settings: s)
        }
        let duplicate = [Signal(date: days[0], symbol: "A", probability: 0.6), Signal(date: days[0], symbol: "A", probability: 0.7)]
        #expect(throws: BacktestError.self) {
            try backtester.run(signals: duplicate, prices: market, settings: settings(topK: 1, every: 1))
        }
    }

    @Test func settingsRoundTripThroughJSONWithNullsPresent() throws {
        let original = BacktestSettings()
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"start\":null") && text.contains("\"capital\":1000000"))
        #expect(try JSONDecoder().decode(BacktestSettings.self, from: data) == original)
    }
}
