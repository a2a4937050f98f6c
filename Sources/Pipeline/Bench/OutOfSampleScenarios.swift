import Backtest
import Batch
import Foundation
import MarketData

/// Evaluate, predict and backtest, each on a batch trained in process over the bench market.
extension BenchScenarios {
    func outOfSample() async throws -> [Measurement] {
        let seed = try await trainedBatch("seed", symbols: seedSymbols, DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-26")!))
        let evaluate = try await BenchHarness.measure(
            "evaluate: the 192-window seed batch (walk-forward predictions, skill, gate)",
            command: "sensequant evaluate on the seed batch (in process: EvaluateFlow)", runs: runs, items: 192, itemName: "window") {
            _ = try await EvaluateFlow(root: seed.root, batchId: seed.id).run(output: SilentOutput())
        }
        // Two years of signals for every NIFTY 100 symbol: models of 2022 scoring through 2024.
        let wide = try await trainedBatch("wide", symbols: universe, DayRange(CalendarDay("2022-01-01")!, CalendarDay("2022-12-31")!))
        var evaluation = EvaluateFlow(root: wide.root, batchId: wide.id)
        evaluation.evalDays = 730
        _ = try await evaluation.run(output: SilentOutput())
        var predict = PredictFlow(root: wide.root)
        predict.asOf = CalendarDay("2023-12-29")!
        // Every symbol with a model (a symbol listed after 2022, such as JIOFIN, has none).
        let symbols = try await predict.run().predictions.count
        let predictions = try await BenchHarness.measure(
            "predict: \(symbols) symbols, newest model each, as of 2023-12-29",
            command: "sensequant predict --as-of 2023-12-29 (in process: PredictFlow)", runs: runs, items: symbols, itemName: "symbol") {
            _ = try await predict.run()
        }
        let backtest = try await BenchHarness.measure(
            "backtest: 100 symbols x 2 years of out-of-sample signals, Indian costs",
            command: "sensequant backtest (in process: BacktestFlow, defaults), 2023-01..2024-12", runs: runs, items: 1, itemName: "run") {
            _ = try await BacktestFlow(root: wide.root, batchId: wide.id).run(output: SilentOutput())
        }
        return [evaluate, predictions, backtest]
    }

    /// A new data root over the bench cache with one batch trained (not evaluated) in process.
    func trainedBatch(_ name: String, symbols: [String], _ range: DayRange) async throws -> (root: DataRoot, id: String) {
        let root = DataRoot(url: dir.appendingPathComponent("quality-\(name)"))
        try FileManager.default.createDirectory(at: root.url, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.historical, withDestinationURL: cache.root)
        let parameters = BatchParameters(startDate: range.first, endDate: range.last)
        let flow = try TrainFlow.start(TrainRequest(root: root, target: .new(symbols: symbols, universe: nil, parameters: parameters),
                                                    workers: ProcessInfo.processInfo.activeProcessorCount))
        _ = try await flow.run(output: SilentOutput(), cancellation: CancellationFlag())
        return (root, flow.session.batch.id)
    }
}

/// Says nothing: the benchmarks print only their figures.
struct SilentOutput: FlowOutput {
    func say(_ text: String, event: String, fields: [String: any Sendable]) {}
    func progress(_ progress: RunProgress) {}
    func trainingStarted() {}
    func finishLiveLine() {}
}
