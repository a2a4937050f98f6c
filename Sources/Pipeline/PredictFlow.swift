import Batch
import Evaluation
import Foundation
import LightGBM
import MarketData
import Reports
import Teacher

/// `sensequant predict`: each symbol's probability from its newest model on the bars up to the
/// as-of trading day. Refuses stale data rather than predicting from old bars.
public struct PredictFlow: Sendable {
    public var root: DataRoot
    /// nil: the newest batch with trained windows.
    public var batchId: String?
    /// nil: the last day any of the symbols has a bar.
    public var asOf: CalendarDay?
    /// Empty: every symbol of the batch that has a model.
    public var symbols: [String] = []

    public init(root: DataRoot) {
        self.root = root
    }

    public struct Outcome: Sendable {
        public var batchId: String
        public var asOf: CalendarDay
        public var predictions: [Prediction]
    }

    public func run(library: LightGBMLibrary? = nil) throws -> Outcome {
        let ledger = try LedgerAccess.existing(root)
        let batch = try chooseBatch(ledger)
        let parameters = try batch.decodedParameters()
        let config = parameters.teacherConfig
        let calendar = try TradingCalendar.nse()
        let models = Dictionary(grouping: try ledger.windows(batchId: batch.id).compactMap(EvaluateFlow.model), by: \.symbol)
            .mapValues { $0.map(\.model) }
        let wanted = try chooseSymbols(models, batchId: batch.id)
        let bars = try loadBars(wanted, models: models, config: config, calendar: calendar)
        let asOf = try tradingDay(asOf ?? bars.values.compactMap(\.lastDay).max(), calendar: calendar)
        try refuseStale(bars, asOf: asOf, interval: config.interval)
        let promoted = Set(try ledger.evaluation(batchId: batch.id)?.decodedPromoted() ?? [])
        let library = try library ?? LightGBMLibrary.shared()
        var out: [Prediction] = []
        for symbol in wanted {
            let all = models[symbol]!
            guard let model = Predictor.newestModel(all, asOf: asOf, horizon: config.horizon, calendar: calendar) else {
                throw RequestError.input("\(symbol): no model of batch \(batch.id) was trained by \(asOf) (its first window ends \(all.map(\.range.last).min()!))",
                                         fix: "pass a later --as-of")
            }
            guard let p = try Predictor.probability(symbol: symbol, day: asOf, bars: bars[symbol]!, model: model.modelFile,
                                                    config: config, library: library) else {
                throw RequestError.input("\(symbol): the features of \(asOf) are not all defined (too little history before it)",
                                         remedy: .fetch(FetchRemedy(symbols: [symbol], range: config.barsNeeded(for: DayRange(asOf, asOf), calendar: calendar),
                                                                    interval: config.interval, dataDir: root.dataDirArgument)))
            }
            let isLatest = model.label == all.max { $0.range.last < $1.range.last }?.label
            out.append(Prediction(symbol: symbol, probability: p, windowLabel: model.label,
                                  promoted: isLatest && promoted.contains(symbol), barDate: asOf))
        }
        return Outcome(batchId: batch.id, asOf: asOf, predictions: out)
    }

    private func chooseBatch(_ ledger: Ledger) throws -> BatchRecord {
        if let id = batchId {
            guard let b = try ledger.batch(id: id) else {
                throw ReportError.unknownBatch(id: id, ledgerPath: ledger.path.path, dataDir: root.dataDirArgument)
            }
            return b
        }
        guard let newest = try ledger.batches().first(where: { $0.succeeded > 0 }) else {
            throw RequestError.input("no batch in \(ledger.path.path) has a trained window", fix: "train a batch first")
        }
        return newest
    }

    private func chooseSymbols(_ models: [String: [WindowModel]], batchId: String) throws -> [String] {
        guard !symbols.isEmpty else { return models.keys.sorted() }
        let without = symbols.filter { models[$0] == nil }
        guard without.isEmpty else {
            throw RequestError.input("no trained model for \(without.joined(separator: ", ")) in batch \(batchId)",
                                     remedy: .listBatches(dataDir: root.dataDirArgument))
        }
        return symbols
    }

    /// Each symbol's bars from the warm-up before its first window to the calendar's end.
    private func loadBars(_ symbols: [String], models: [String: [WindowModel]], config: TeacherConfig,
                          calendar: TradingCalendar) throws -> [String: BarSeries] {
        let end = CalendarDay(year: calendar.coveredYears.upperBound, month: 12, day: 31)!
        var out: [String: BarSeries] = [:]
        for s in symbols {
            let first = models[s]!.map(\.range.first).min()!
            out[s] = try root.cache.load(symbol: s, interval: config.interval,
                                         range: DayRange(calendar.tradingDay(config.warmupBars + 10, before: first), end))
        }
        return out
    }

    /// The trading day on or before `day`.
    private func tradingDay(_ day: CalendarDay?, calendar: TradingCalendar) throws -> CalendarDay {
        guard let day else {
            throw RequestError.input("the cache has no bars for these symbols", fix: "fetch them first")
        }
        return try calendar.isTradingDay(day) ? day : calendar.tradingDay(1, before: day)
    }

    private func refuseStale(_ bars: [String: BarSeries], asOf: CalendarDay, interval: Interval) throws {
        let stale = bars.filter { ($0.value.lastDay ?? .init(ordinal: .min)) < asOf }.keys.sorted()
        guard !stale.isEmpty else { return }
        let oldest = stale.compactMap { bars[$0]?.lastDay }.min()
        let from = oldest?.adding(days: 1) ?? asOf
        let detail = stale.map { s in "\(s) (\(bars[s]?.lastDay.map(\.description) ?? "no bars"))" }.joined(separator: ", ")
        throw RequestError.input("newest bar older than the as-of trading day \(asOf): \(detail)",
                                 remedy: .fetch(FetchRemedy(symbols: stale, range: DayRange(min(from, asOf), asOf), interval: interval,
                                                            dataDir: root.dataDirArgument)))
    }
}
