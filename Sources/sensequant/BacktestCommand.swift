import ArgumentParser
import Backtest
import Foundation
import MarketData
import Pipeline

extension OrderSide: ExpressibleByArgument {}

/// `--costs PLAN|FILE` and the schedule: shared by `backtest` and `costs`.
struct CostOptions: ParsableArguments {
    @Option(name: .long, help: "Brokerage plan: zero-delivery (default), percent-min (full-service, e.g. ICICI Direct), or a plan JSON file.")
    var costs = BrokeragePlan.zeroDelivery.name
    @Option(name: .long, help: "A cost schedule JSON file instead of the shipped NSE schedule (docs/backtest.md).")
    var costSchedule: String?

    var scheduleFile: URL? { costSchedule.map { URL(fileURLWithPath: $0) } }

    func validate() throws {
        guard BrokeragePlan.builtIn.contains(where: { $0.name == costs }) || FileManager.default.fileExists(atPath: costs) else {
            throw ValidationError("--costs \(costs): not a plan (\(BrokeragePlan.builtIn.map(\.name).joined(separator: ", "))) and no such file")
        }
    }
}

struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Trade a batch's out-of-sample predictions with India's dated costs, beside equal-weight buy-and-hold.",
        discussion: """
        Orders from predictions dated D fill at the next trading day's open; long-only delivery, whole
        shares, equal weight, top-k by probability rebalanced every N days (at most --max-replacements
        names swapped per rebalance). Writes <batch dir>/backtest/: trades.csv, equity.csv,
        backtest.json, backtest.md, backtest.html. Rules, costs and metrics: docs/backtest.md.
        """)

    @Argument(help: "The batch id (its evaluation must have run: sensequant evaluate).")
    var batchId: String

    @Option(name: .long, help: "First trading day to trade, YYYY-MM-DD (default: the first prediction).")
    var startDate: CalendarDay?
    @Option(name: .long, help: "Last trading day, YYYY-MM-DD (default: the day after the last prediction).")
    var endDate: CalendarDay?
    @Option(name: .long, help: "Names held (default 10).")
    var topK = 10
    @Option(name: .long, help: "Trading days between rebalances (default 5).")
    var rebalanceDays = 5
    @Option(name: .long, help: "Held names swapped out at most per rebalance (default: --top-k).")
    var maxReplacements: Int?
    @Option(name: .long, help: "Only buy names whose probability is at least this (default 0.5).")
    var minProbability = 0.5
    @Option(name: .long, help: "Starting capital in rupees (default 1000000).")
    var capital = 1_000_000.0
    @Option(name: .long, help: "Annual risk-free rate for Sharpe and Sortino (default 0.065).")
    var riskFreeRate = 0.065
    @Option(name: .long, help: "The interval the batch was trained on, as a check (an intraday batch trades each day's last signal at the next session's open).")
    var interval: Interval?
    @OptionGroup var cost: CostOptions
    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    func validate() throws {
        if topK < 1 { throw ValidationError("--top-k must be at least 1") }
        if rebalanceDays < 1 { throw ValidationError("--rebalance-days must be at least 1") }
        if let m = maxReplacements, m < 0 { throw ValidationError("--max-replacements must not be negative") }
        if !(capital > 0 && capital.isFinite) { throw ValidationError("--capital must be a positive number of rupees") }
        if !(0...1).contains(minProbability) { throw ValidationError("--min-probability must be between 0 and 1") }
        if let s = startDate, let e = endDate, s > e { throw ValidationError("--start-date \(s) is after --end-date \(e)") }
    }

    func run() async throws {
        do {
            var flow = BacktestFlow(root: data.root, batchId: batchId)
            flow.settings = BacktestSettings(topK: topK, rebalanceDays: rebalanceDays, maxReplacements: maxReplacements,
                                             minProbability: minProbability, capital: Money(rupees: capital),
                                             plan: cost.costs, riskFreeRate: riskFreeRate, start: startDate, end: endDate)
            flow.scheduleFile = cost.scheduleFile
            flow.interval = interval
            flow.ledger = try ledger.choice()
            _ = try await flow.run(output: BatchConsole(format: .text))
        } catch {
            throw failCleanly(error)
        }
    }
}

struct CostsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "costs",
        abstract: "Every charge of one NSE cash-segment order, by the rates in force on its date.",
        discussion: "Example: sensequant costs --side buy --value 100000 --date 2024-11-05")

    @Option(name: .long, help: "buy or sell.")
    var side: OrderSide
    @Option(name: .long, help: "Order value in rupees.")
    var value: Double
    @Option(name: .long, help: "Trade date, YYYY-MM-DD.")
    var date: CalendarDay
    @Flag(name: .long, help: "An intraday (MIS) order instead of delivery (CNC).")
    var intraday = false
    @OptionGroup var cost: CostOptions

    func validate() throws {
        if !(value > 0 && value.isFinite) { throw ValidationError("--value must be a positive number of rupees") }
    }

    func run() throws {
        do {
            let order = Order(side: side, value: Money(rupees: value), date: date, product: intraday ? .intraday : .delivery)
            let quote = try CostCalculator(schedule: CostSchedule.load(file: cost.scheduleFile))
                .quote(order, plan: BrokeragePlan.named(orFile: cost.costs))
            print(CostQuoteText.render(quote), terminator: "")
        } catch {
            throw failCleanly(error)
        }
    }
}
