import Batch
import Evaluation
import Foundation
import LightGBM
import MarketData
import Reports
import Teacher

/// `sensequant evaluate` (and the end of `train`): walk-forward predictions of every trained
/// window, stitched per symbol, scored out of sample only; writes `<batch>/evaluation/` and
/// records the verdict, the promoted symbols and the gate settings in the ledger.
public struct EvaluateFlow: Sendable {
    public var root: DataRoot
    public var batchId: String
    /// Calendar days each model scores after its embargo (nil: the batch's step).
    public var evalDays: Int?
    /// Symbols picked per date for the top-k excess return.
    public var topK = 10
    /// Benjamini-Hochberg false discovery rate of the promotion gate.
    public var q = 0.10
    public var minLabelledRows = 60
    /// When given, the interval the batch must have been trained on.
    public var interval: Interval?
    /// The ledger the batch is recorded in.
    public var ledger: LedgerChoice = .local

    public init(root: DataRoot, batchId: String) {
        self.root = root
        self.batchId = batchId
    }

    public struct Outcome: Sendable {
        public var summary: EvaluationSummary
        public var predictions: Int
        public var directory: URL
    }

    public func run(output out: FlowOutput, library: LightGBMLibrary? = nil) async throws -> Outcome {
        let ledger = try LedgerAccess.existing(root, self.ledger)
        guard let batch = try ledger.batch(id: batchId) else {
            throw ReportError.unknownBatch(id: batchId, ledgerPath: ledger.location, dataDir: root.dataDirArgument)
        }
        try BatchInterval.check(batch, asked: interval)
        let parameters = try batch.decodedParameters()
        let config = parameters.teacherConfig
        let days = evalDays ?? parameters.stepDays
        let models = Dictionary(grouping: try ledger.windows(batchId: batchId).compactMap(Self.model), by: \.symbol)
        guard !models.isEmpty else {
            throw RequestError.input("batch \(batchId) has no trained window to evaluate",
                                     remedy: .resume(batchId: batchId, dataDir: root.dataDirArgument))
        }
        let library = try library ?? LightGBMLibrary.shared()
        let calendar = try TradingCalendar.nse()
        let rows = try await predictions(models, config: config, evalDays: days, calendar: calendar, library: library)
        let settings = GateSettings(minLabelledRows: minLabelledRows, q: q, blockLength: Self.blockLength(config),
                                    horizon: config.horizon, k: topK)
        var rng = SplitMix64(state: 42)
        let summary = evaluate(rows.map(\.scored), settings: settings, using: &rng)
        let directory = URL(fileURLWithPath: batch.batchDir).appendingPathComponent("evaluation")
        try AtomicFile.write(PredictionsCSV.format(rows), to: directory.appendingPathComponent("predictions.csv"))
        let json = try summary.jsonData()
        try AtomicFile.write(Array(json), to: directory.appendingPathComponent("evaluation.json"))
        try ledger.save(EvaluationRecord(
            batchId: batchId, evaluatedAt: Date(), verdict: summary.verdict.rawValue,
            promoted: String(decoding: try JSONEncoder().encode(summary.promoted), as: UTF8.self),
            settings: String(decoding: try JSONEncoder.sorted.encode(settings), as: UTF8.self),
            summary: String(decoding: json, as: UTF8.self)))
        say(summary, predictions: rows.count, directory: directory, out)
        return Outcome(summary: summary, predictions: rows.count, directory: directory)
    }

    /// The permutation null's label blocks: one horizon, and at least one regular session on
    /// intraday bars. Intraday labels and scores move together over whole sessions (the
    /// accumulating features, one model per window), so shuffling blocks of a 7-bar horizon
    /// made the null too narrow: 2 of 10 symbols were promoted on a 5-minute market without an edge.
    static func blockLength(_ config: TeacherConfig) -> Int {
        max(config.horizon, config.interval.barsPerTradingDay)
    }

    struct SymbolModel: Sendable {
        var symbol: String
        var model: WindowModel
    }

    static func model(_ w: WindowRecord) -> SymbolModel? {
        guard w.status == .success, let path = w.artifactsPath, let window = w.window else { return nil }
        let file = URL(fileURLWithPath: path).appendingPathComponent("model.txt")
        return SymbolModel(symbol: w.symbol, model: WindowModel(label: w.label, range: window.range, modelFile: file))
    }

    /// Every symbol's stitched predictions, sorted by date then symbol.
    private func predictions(_ models: [String: [SymbolModel]], config: TeacherConfig, evalDays: Int,
                             calendar: TradingCalendar, library: LightGBMLibrary) async throws -> [PredictionRow] {
        let cache = root.cache
        let rows = try await withThrowingTaskGroup(of: [PredictionRow].self) { group in
            for (symbol, symbolModels) in models {
                let windows = symbolModels.map(\.model)
                let first = windows.map(\.range.first).min()!, last = windows.map(\.range.last).max()!
                let range = config.barsNeeded(for: DayRange(first, last.adding(days: evalDays)), calendar: calendar)
                group.addTask {
                    let bars = try cache.load(symbol: symbol, interval: config.interval, range: range)
                    return try WalkForward.predict(symbol: symbol, bars: bars, models: windows, config: config,
                                                   evalDays: evalDays, library: library)
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        return rows.sorted { ($0.time, $0.symbol) < ($1.time, $1.symbol) }
    }

    private func say(_ s: EvaluationSummary, predictions: Int, directory: URL, _ out: FlowOutput) {
        func f(_ v: Double?, _ format: String = "%.3f") -> String { v.map { String(format: format, $0) } ?? "n/a" }
        out.say("evaluation: \(predictions) out-of-sample predictions, \(s.dates) dates, \(s.symbolsEvaluated) symbols tested",
                event: "evaluation", fields: ["predictions": predictions, "dates": s.dates, "verdict": s.verdict.rawValue])
        out.say("  rank IC mean \(f(s.rankIC.mean, "%.4f")) (t \(f(s.rankIC.tStat, "%.2f")), Newey-West lag \(s.gate.horizon)); "
                + "top-\(s.topKExcess.k) excess \(f(s.topKExcess.series.mean, "%.5f")) per period (t \(f(s.topKExcess.series.tStat, "%.2f")))")
        out.say("  promoted \(s.promoted.count) of \(s.symbols.count) symbols" + (s.promoted.isEmpty ? "" : ": " + s.promoted.joined(separator: ", ")))
        out.say("  verdict: \(s.verdictText)")
        out.say("  \(directory.appendingPathComponent("evaluation.json").path)")
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
