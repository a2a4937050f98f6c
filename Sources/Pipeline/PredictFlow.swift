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
    /// Only batches trained on this interval (with `batchId`: a check).
    public var interval: Interval?
    /// The ledger the batch is recorded in.
    public var ledger: LedgerChoice = .local

    public init(root: DataRoot) {
        self.root = root
    }

    public struct Outcome: Sendable {
        public var batchId: String
        public var asOf: CalendarDay
        public var predictions: [Prediction]
    }

    public func run(library: LightGBMLibrary? = nil) async throws -> Outcome {
        let ledger = try LedgerAccess.existing(root, self.ledger)
        let batch = try chooseBatch(ledger)
        let parameters = try batch.decodedParameters()
        let config = parameters.teacherConfig
        let calendar = try TradingCalendar.nse()
        let windows = try ledger.windows(batchId: batch.id)
        let models = Dictionary(grouping: windows.compactMap(EvaluateFlow.model), by: \.symbol).mapValues { $0.map(\.model) }
        let wanted = try chooseSymbols(models, windows: windows, batchId: batch.id)
        let lastCached = wanted.compactMap { root.cache.lastFileDay(symbol: $0, interval: config.interval) }.max()
        let asOf = try tradingDay(asOf ?? lastCached, calendar: calendar)
        let bars = try await loadBars(wanted, asOf: asOf, config: config, calendar: calendar)
        try refuseStale(bars, asOf: asOf, interval: config.interval)
        let promoted = Set(try ledger.evaluation(batchId: batch.id)?.decodedPromoted() ?? [])
        let library = try library ?? LightGBMLibrary.shared()
        let dataRoot = root
        // Symbols are independent: predicted at once, reported in the order asked.
        let predictions = try await withThrowingTaskGroup(of: Prediction.self) { group in
            for symbol in wanted {
                let all = models[symbol]!, symbolBars = bars[symbol]!
                group.addTask {
                    try Self.predict(symbol, all: all, bars: symbolBars, asOf: asOf, config: config, calendar: calendar,
                                     batchId: batch.id, promoted: promoted, library: library, root: dataRoot)
                }
            }
            return try await group.reduce(into: [String: Prediction]()) { $0[$1.symbol] = $1 }
        }
        return Outcome(batchId: batch.id, asOf: asOf, predictions: wanted.map { predictions[$0]! })
    }

    private static func predict(_ symbol: String, all: [WindowModel], bars: BarSeries, asOf: CalendarDay, config: TeacherConfig,
                                calendar: TradingCalendar, batchId: String, promoted: Set<String>,
                                library: LightGBMLibrary, root: DataRoot) throws -> Prediction {
        guard let model = Predictor.newestModel(all, asOf: asOf, config: config, calendar: calendar) else {
            throw RequestError.input("\(symbol): no model of batch \(batchId) was trained by \(asOf) (its first window ends \(all.map(\.range.last).min()!))",
                                     fix: "pass a later --as-of")
        }
        guard let p = try Predictor.probability(symbol: symbol, day: asOf, bars: bars, model: model.modelFile,
                                                config: config, library: library) else {
            throw RequestError.input("\(symbol): the features of \(asOf) are not all defined (too little history before it)",
                                     remedy: .fetch(FetchRemedy(symbols: [symbol], range: config.barsNeeded(for: DayRange(asOf, asOf), calendar: calendar),
                                                                interval: config.interval, dataDir: root.dataDirArgument)))
        }
        let isLatest = model.label == all.max { $0.range.last < $1.range.last }?.label
        return Prediction(symbol: symbol, probability: p, windowLabel: model.label,
                          promoted: isLatest && promoted.contains(symbol), barDate: asOf)
    }

    private func chooseBatch(_ ledger: any LedgerStore) throws -> BatchRecord {
        if let id = batchId {
            guard let b = try ledger.batch(id: id) else {
                throw ReportError.unknownBatch(id: id, ledgerPath: ledger.location, dataDir: root.dataDirArgument)
            }
            try BatchInterval.check(b, asked: interval)
            return b
        }
        guard let newest = try ledger.batches().first(where: { $0.succeeded > 0 && BatchInterval.matches($0, interval) }) else {
            let which = interval.map { " trained on \($0.rawValue) bars" } ?? ""
            throw RequestError.input("no batch\(which) in \(ledger.location) has a trained window", fix: "train a batch first")
        }
        return newest
    }

    /// The symbols asked for; each must have a trained window in the batch.
    private func chooseSymbols(_ models: [String: [WindowModel]], windows: [WindowRecord], batchId: String) throws -> [String] {
        guard !symbols.isEmpty else { return models.keys.sorted() }
        let without = symbols.filter { models[$0] == nil }
        guard without.isEmpty else {
            let inBatch = Set(windows.map(\.symbol))
            let untrained = without.filter(inBatch.contains)
            let why = without.map { s in
                inBatch.contains(s) ? "\(s) (its windows: \(Self.outcomes(windows.filter { $0.symbol == s })))" : "\(s) (not in the batch)"
            }
            // What the batch recorded as the fix of those windows (a fetch), then a resume trains them.
            let recorded = windows.first { untrained.contains($0.symbol) && $0.remedy != nil }?.remedy
            throw RequestError.input("no trained model for \(why.joined(separator: ", ")) in batch \(batchId)"
                                         + (recorded == nil ? "" : "; after the fix, \(RemedyText.render(.resume(batchId: batchId, dataDir: root.dataDirArgument))) trains them"),
                                     remedy: recorded ?? (untrained.isEmpty ? .listBatches(dataDir: root.dataDirArgument)
                                                                            : .resume(batchId: batchId, dataDir: root.dataDirArgument)))
        }
        return symbols
    }

    /// `2 skipped dataMissing`: how a symbol's windows ended.
    static func outcomes(_ windows: [WindowRecord]) -> String {
        let groups = Dictionary(grouping: windows) { [$0.status.rawValue, $0.failureClass?.rawValue].compactMap { $0 }.joined(separator: " ") }
        return groups.keys.sorted().map { "\(groups[$0]!.count) \($0)" }.joined(separator: ", ")
    }

    /// Each symbol's bars over the warm-up before the as-of day, up to it: nothing later is read.
    private func loadBars(_ symbols: [String], asOf: CalendarDay, config: TeacherConfig,
                          calendar: TradingCalendar) async throws -> [String: BarSeries] {
        var history = config
        history.labelLookahead = false
        let range = history.barsNeeded(for: DayRange(asOf, asOf), calendar: calendar)
        let cache = root.cache
        return try await withThrowingTaskGroup(of: (String, BarSeries).self) { group in
            for s in symbols { group.addTask { (s, try cache.load(symbol: s, interval: config.interval, range: range)) } }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
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
