import Foundation
import LightGBM
import MarketData
import Testing
@testable import Teacher

/// `num_threads` is planned per batch from cores and workers and recorded; these tests hold
/// what that rests on. With `deterministic` and `force_col_wise`, LightGBM grows the same trees
/// and predicts the same bits on any thread count, so only the `[num_threads: N]` line of
/// `model.txt` differs. Its evaluation metric is not bit-identical across thread counts (an
/// OpenMP sum whose order follows the thread count), so early stopping could in principle pick
/// another iteration when two iterations' scores tie within rounding: hence the count is fixed
/// per batch, and a given count gives the same bits every time.
@Suite struct ThreadCountTests {
    /// A noisy walk of ~2,500 daily rows: large enough that LightGBM spreads its histograms
    /// over threads, noisy enough that splits are close (where a thread-dependent sum would show).
    static let bars: BarSeries = {
        var random = SplitMix64(state: 14)
        var walk = [100.0]
        for _ in 1..<2_700 { walk.append(walk[walk.count - 1] * (1 + (Double(random.next() % 2_001) / 1_000 - 1) * 0.03)) }
        return TestBars.series(count: walk.count) { walk[$0] }
    }()
    static var window: DayRange { TestBars.window(of: bars, startingAtBar: 100, days: 3_500) }
    static var config: TeacherConfig {
        var c = TeacherConfig()
        c.parameterOverrides = ["num_leaves": "255", "max_depth": "8", "num_iterations": "300"]
        return c
    }

    @Test func treesPredictionsAndArtifactsAreTheSameOnOneTwoAndFourThreads() throws {
        let root = try temporaryDirectory("threads")
        defer { try? FileManager.default.removeItem(at: root) }
        let library = try LightGBMLibrary.shared()
        var outputs: [(model: String, importance: Data, result: WindowResult)] = []
        for threads in [1, 2, 4] {
            let trainer = WindowTrainer(library: library, lightgbmThreads: threads)
            let dir = root.appendingPathComponent("t\(threads)")
            let result = try trainer.train(symbol: "NOISY", window: Self.window, bars: Self.bars, config: Self.config, outputDir: dir)
            let model = try String(contentsOf: dir.appendingPathComponent("model.txt"), encoding: .utf8)
            #expect(model.contains("[num_threads: \(threads)]"))
            #expect(result.parameters["num_threads"] == "\(threads)")
            outputs.append((model.replacingOccurrences(of: "[num_threads: \(threads)]", with: "[num_threads: N]"),
                            try Data(contentsOf: dir.appendingPathComponent("feature_importance.csv")), result))
        }
        let one = outputs[0]
        #expect(one.result.rows.train > 1_500)
        #expect(one.result.metrics.bestIteration > 1, "a model of one tree would not show a thread-dependent split")
        for other in outputs.dropFirst() {
            #expect(other.model == one.model, "model.txt differs beyond its num_threads line")
            #expect(other.importance == one.importance)
            #expect(other.result.metrics == one.result.metrics)
        }
    }

    @Test func predictionsAreBitIdenticalAcrossThreadCounts() throws {
        let library = try LightGBMLibrary.shared()
        let prepared = try PreparedWindow.prepare(symbol: "NOISY", window: Self.window, allBars: Self.bars, config: Self.config)
        let split = try DataSplit.make(prepared, config: Self.config)
        let fits = try [1, 2].map { threads in
            try FittedModel.fit(prepared, split: split,
                                parameters: TeacherParameters.resolve(overrides: Self.config.parameterOverrides, threads: threads, library: library),
                                library: library)
        }
        let texts = try fits.map { try $0.booster.modelText() }
        let (a, b) = (fits[0].model.outcome, fits[1].model.outcome)
        #expect((a.bestIteration, a.iterationsRun, a.stoppedEarly) == (b.bestIteration, b.iterationsRun, b.stoppedEarly))
        // LightGBM's logloss sums in an order that follows the thread count: equal to rounding only.
        let scores = try [#require(a.bestScore), #require(b.bestScore)]
        #expect(abs(scores[0] - scores[1]) <= 1e-12 * abs(scores[0]))
        #expect(texts[0].replacingOccurrences(of: "[num_threads: 1]", with: "")
            == texts[1].replacingOccurrences(of: "[num_threads: 2]", with: ""))
        #expect(fits[0].model.trainProbabilities.map(\.bitPattern) == fits[1].model.trainProbabilities.map(\.bitPattern))
        #expect(fits[0].model.validationProbabilities.map(\.bitPattern) == fits[1].model.validationProbabilities.map(\.bitPattern))
    }

    @Test func theSameThreadCountGivesTheSameBitsEveryTime() throws {
        let library = try LightGBMLibrary.shared()
        let prepared = try PreparedWindow.prepare(symbol: "NOISY", window: Self.window, allBars: Self.bars, config: Self.config)
        let split = try DataSplit.make(prepared, config: Self.config)
        let parameters = try TeacherParameters.resolve(overrides: Self.config.parameterOverrides, threads: 2, library: library)
        let fits = try (0..<2).map { _ in try FittedModel.fit(prepared, split: split, parameters: parameters, library: library) }
        #expect(fits[0].model.outcome == fits[1].model.outcome)
        #expect(try fits[0].booster.modelText() == fits[1].booster.modelText())
        #expect(fits[0].model.validationProbabilities.map(\.bitPattern) == fits[1].model.validationProbabilities.map(\.bitPattern))
    }

    @Test func anOverrideOfNumThreadsWinsOverThePlannedCount() throws {
        let library = try LightGBMLibrary.shared()
        #expect(try TeacherParameters.resolve(overrides: [:], threads: 2, library: library)["num_threads"] == "2")
        #expect(try TeacherParameters.resolve(overrides: ["nthread": "3"], threads: 2, library: library)["num_threads"] == "3")
        #expect(try TeacherParameters.resolve(overrides: [:], threads: 0, library: library)["num_threads"] == "1")
    }
}
