import Backtest
import Batch
import Evaluation
import Foundation
import MarketData
import Reports
import SystemIO

/// `sensequant backtest`: a batch's out-of-sample predictions traded day by day with India's
/// dated costs, beside equal-weight buy-and-hold of the same symbols; writes `<batch>/backtest/`.
public struct BacktestFlow: Sendable {
    public var root: DataRoot
    public var batchId: String
    /// When given, the interval the batch must have been trained on.
    public var interval: Interval?
    /// `settings.plan` names a built-in plan or a plan file (`--costs PLAN|FILE`).
    public var settings = BacktestSettings()
    /// A cost schedule file instead of the shipped one.
    public var scheduleFile: URL?
    /// The ledger the batch is recorded in.
    public var ledger: LedgerChoice = .local

    public init(root: DataRoot, batchId: String) {
        self.root = root
        self.batchId = batchId
    }

    public struct Outcome: Sendable {
        public var result: BacktestResult
        public var directory: URL
    }

    public func run(output out: FlowOutput) async throws -> Outcome {
        let ledger = try LedgerAccess.existing(root, self.ledger)
        guard let batch = try ledger.batch(id: batchId) else {
            throw ReportError.unknownBatch(id: batchId, ledgerPath: ledger.location, dataDir: root.dataDirArgument)
        }
        try BatchInterval.check(batch, asked: interval)
        let batchDir = URL(fileURLWithPath: batch.batchDir)
        let signals = try readSignals(batchDir.appendingPathComponent("evaluation/predictions.csv"))
        let prices = try await loadPrices(signals, interval: try batch.decodedParameters().interval)
        var settings = settings
        let plan = try BrokeragePlan.named(orFile: settings.plan)
        settings.plan = plan.name
        let result = try Backtester(schedule: try CostSchedule.load(file: scheduleFile), plans: BrokeragePlan.builtIn + [plan])
            .run(signals: signals, prices: prices, settings: settings)
        let directory = batchDir.appendingPathComponent("backtest")
        try write(result, to: directory)
        say(result, directory: directory, out)
        // The batch report links the backtest.
        _ = try? ReportWriter.writeAll(batchId: batchId, ledger: ledger, to: batchDir, dataDirectory: root.displayPath)
        return Outcome(result: result, directory: directory)
    }

    /// `predictions.csv` as signals; a missing file means the batch was never evaluated.
    private func readSignals(_ url: URL) throws -> [Signal] {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RequestError.input("batch \(batchId) has no out-of-sample predictions (\(url.path))",
                                     remedy: .evaluate(batchId: batchId, dataDir: root.dataDirArgument))
        }
        do {
            // An intraday batch trades once a day, on each day's last score (rows are in time order).
            var last: [String: Int] = [:]
            var signals: [Signal] = []
            for score in try PredictionsCSV.scores(PosixFile.read(url.path), file: url.path) {
                let signal = Signal(date: score.date, symbol: score.symbol, probability: score.probability)
                let key = "\(score.date) \(score.symbol)"
                if let k = last[key] { signals[k] = signal } else { last[key] = signals.count; signals.append(signal) }
            }
            return signals
        } catch let e as CSVError {
            throw RequestError.input(e.description, remedy: .evaluate(batchId: batchId, dataDir: root.dataDirArgument))
        }
    }

    /// Daily open and close of every signalled symbol, from the first signal day to the trading
    /// day after the last (when orders from the last signals fill). From intraday bars: the
    /// day's first open and last close, so an intraday batch trades at the sessions' opens.
    private func loadPrices(_ signals: [Signal], interval: Interval) async throws -> DailyPrices {
        let calendar = try TradingCalendar.nse()
        guard let first = signals.map(\.date).min(), let last = signals.map(\.date).max() else {
            throw RequestError.input("batch \(batchId) has no predictions to trade", remedy: .evaluate(batchId: batchId, dataDir: root.dataDirArgument))
        }
        let days = try calendar.tradingDays(in: DayRange(max(first, settings.start ?? first),
                                                         min(calendar.tradingDay(1, after: last), settings.end ?? .init(ordinal: .max))))
        let cache = root.cache, range = DayRange(days.first ?? first, days.last ?? last)
        let series = try await withThrowingTaskGroup(of: (String, BarSeries).self) { group in
            for symbol in Set(signals.map(\.symbol)) {
                group.addTask { (symbol, try cache.load(symbol: symbol, interval: interval, range: range)) }
            }
            return try await group.reduce(into: [String: BarSeries]()) { $0[$1.0] = $1.1 }
        }
        var open: [String: [Double?]] = [:], close: [String: [Double?]] = [:]
        for (symbol, bars) in series {
            var firstBar: [CalendarDay: Int] = [:], lastBar: [CalendarDay: Int] = [:]
            for i in 0..<bars.count {
                let day = CalendarDay(containing: bars.timestamps[i])
                if firstBar[day] == nil { firstBar[day] = i }
                lastBar[day] = i
            }
            open[symbol] = days.map { firstBar[$0].map { bars.open[$0] } }
            close[symbol] = days.map { lastBar[$0].map { bars.close[$0] } }
        }
        return try DailyPrices(days: days, open: open, close: close)
    }

    private func write(_ result: BacktestResult, to directory: URL) throws {
        try AtomicFile.write(CSVOutput.fills(result.fills), to: directory.appendingPathComponent("trades.csv"))
        try AtomicFile.write(CSVOutput.equity(result.equity), to: directory.appendingPathComponent("equity.csv"))
        try AtomicFile.write(Array(try MetricsJSON.encode(result.metrics)), to: directory.appendingPathComponent("backtest.json"))
        try AtomicFile.write(MarkdownReport.render(result), to: directory.appendingPathComponent("backtest.md"))
        try AtomicFile.write(HTMLReport.render(result), to: directory.appendingPathComponent("backtest.html"))
    }

    private func say(_ r: BacktestResult, directory: URL, _ out: FlowOutput) {
        let m = r.metrics
        func pct(_ x: Double) -> String { String(format: "%.2f%%", x * 100) }
        var fields: [String: any Sendable] = ["trades": m.trades, "net_return": m.netReturn, "benchmark_return": m.benchmarkReturn]
        if let t = m.excessTStat { fields["excess_return_t_stat"] = t }
        out.say("backtest: \(m.trades) fills, net \(pct(m.netReturn)) (gross \(pct(m.grossReturn))) vs buy-and-hold \(pct(m.benchmarkReturn)), excess t \(m.excessTDescription); charges Rs \(m.totalCharges)",
                event: "backtest", fields: fields)
        out.say("  \(directory.appendingPathComponent("backtest.html").path)")
    }
}
