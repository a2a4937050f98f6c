import Foundation
import LightGBM
import MarketData
import SystemIO
import Testing
@testable import Teacher

/// A learnable 180-day window with 150 bars before it (warm-up) and bars after it (lookahead).
struct LearnableWindow {
    let bars = TestBars.cyclicSeries(count: 400)
    var window: DayRange { TestBars.window(of: bars, startingAtBar: 150, days: 180) }
}

func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("teacher-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func readMetadata(_ dir: URL) throws -> [String: Any] {
    let data = try Data(contentsOf: dir.appendingPathComponent("metadata.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Suite struct WindowTrainerTests {
    let trainer: WindowTrainer
    init() throws { trainer = try WindowTrainer() }

    @Test func learnableSeriesReachesValidationAUCAbove0_8() throws {
        let root = try temporaryDirectory("auc")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(),
                                       outputDir: root.appendingPathComponent("CYCLE"))
        let auc = try #require(result.metrics.validation.auc)
        #expect(auc > 0.8)
        #expect(result.rows.total == w.bars.slice(w.window).count)
        #expect(result.rows.purged == 7)
        #expect(result.rows.train + result.rows.purged + result.rows.validation == result.rows.total)
        #expect(result.metrics.bestIteration >= 1)
        #expect(result.split == .chronological)
    }

    @Test func twoRunsWriteByteIdenticalArtifacts() throws {
        let root = try temporaryDirectory("determinism")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let a = root.appendingPathComponent("a"), b = root.appendingPathComponent("b")
        _ = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(), outputDir: a)
        _ = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(), outputDir: b)
        for name in ["model.txt", "labels.csv.gz", "feature_importance.csv", "metadata.json"] {
            let first = try Data(contentsOf: a.appendingPathComponent(name))
            #expect(!first.isEmpty)
            #expect(first == (try Data(contentsOf: b.appendingPathComponent(name))), "\(name) differs")
        }
    }

    @Test func rerunReplacesTheWindowDirectoryAtomically() throws {
        let root = try temporaryDirectory("replace")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let dir = root.appendingPathComponent("CYCLE")
        _ = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(), outputDir: dir)
        try Data("stale".utf8).write(to: dir.appendingPathComponent("stale.txt"))
        _ = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(), outputDir: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["CYCLE"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            == ["feature_importance.csv", "labels.csv.gz", "metadata.json", "model.txt"])
    }

    @Test func modelFileLoadedBackPredictsIdentically() throws {
        let w = LearnableWindow()
        let config = TeacherConfig()
        let prepared = try PreparedWindow.prepare(symbol: "CYCLE", window: w.window, allBars: w.bars, config: config)
        let split = try DataSplit.make(prepared, config: config)
        let parameters = try TeacherParameters.resolve(overrides: [:], library: trainer.library)
        let (model, booster) = try FittedModel.fit(prepared, split: split, parameters: parameters, library: trainer.library)

        let file = try temporaryDirectory("reload").appendingPathComponent("model.txt")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data(booster.modelText().utf8).write(to: file)
        let reloaded = try Booster(modelFile: file, library: trainer.library)
        #expect(try reloaded.currentIteration() == model.outcome.bestIteration)
        #expect(try reloaded.predict(prepared.features.selectingRows(split.validation)) == model.validationProbabilities)
        #expect(try reloaded.predict(prepared.features.selectingRows(split.train)) == model.trainProbabilities)
    }

    /// The planted-edge side is `learnableSeriesReachesValidationAUCAbove0_8`. On random walks
    /// the same path (metrics worked out on the spare core) must find nothing out of sample. One
    /// window is a weak witness: its 7-bar labels overlap, so 500 validation rows are about 70
    /// independent ones (8 walks gave 0.45-0.59), hence the mean of 8.
    @Test func randomWalksValidationAUCIsChanceOnAverage() throws {
        let root = try temporaryDirectory("no-edge")
        defer { try? FileManager.default.removeItem(at: root) }
        var aucs: [Double] = []
        for seed: UInt64 in 1...8 {
            var random = SplitMix64(state: seed)
            var walk = [100.0]
            for _ in 1..<2_700 { walk.append(walk[walk.count - 1] * (1 + (Double(random.next() % 2_001) / 1_000 - 1) * 0.03)) }
            let bars = TestBars.series(count: walk.count) { walk[$0] }
            let result = try trainer.train(symbol: "WALK", window: TestBars.window(of: bars, startingAtBar: 100, days: 3_500),
                                           bars: bars, config: TeacherConfig(), outputDir: root.appendingPathComponent("w\(seed)"))
            aucs.append(try #require(result.metrics.validation.auc))
        }
        let mean = aucs.reduce(0, +) / Double(aucs.count)
        #expect(abs(mean - 0.5) < 0.05, "mean validation AUC \(mean) over 8 random walks: \(aucs)")
    }

    /// With a spare core the metrics are worked out during training, from each best iteration
    /// kept; without one, after it: either way they are those of the model's probabilities.
    @Test(arguments: [1, ProcessInfo.processInfo.activeProcessorCount])
    func theMetricsAreThoseOfTheModelsProbabilities(threads: Int) throws {
        let root = try temporaryDirectory("metrics")
        defer { try? FileManager.default.removeItem(at: root) }
        var trainer = self.trainer
        trainer.lightgbmThreads = threads
        let w = LearnableWindow()
        let config = TeacherConfig()
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: config,
                                       outputDir: root.appendingPathComponent("w"))
        let prepared = try PreparedWindow.prepare(symbol: "CYCLE", window: w.window, allBars: w.bars, config: config)
        let split = try DataSplit.make(prepared, config: config)
        let parameters = try TeacherParameters.resolve(overrides: [:], threads: threads, library: trainer.library)
        let (model, _) = try FittedModel.fit(prepared, split: split, parameters: parameters, library: trainer.library)
        #expect(model.outcome.bestIteration > 1)  // several outputs were kept on the way
        #expect(result.metrics.train == ClassificationMetrics(probabilities: model.trainProbabilities,
                                                              labels: split.train.map { prepared.labels[$0] }))
        #expect(result.metrics.validation == ClassificationMetrics(probabilities: model.validationProbabilities,
                                                                   labels: split.validation.map { prepared.labels[$0] }))
    }

    @Test func everyStepOfTheCallIsTimedAndTheyAddUpToIt() throws {
        let root = try temporaryDirectory("steps")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let start = ContinuousClock.now
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(),
                                       outputDir: root.appendingPathComponent("w"))
        let call = ContinuousClock.now - start
        let steps = result.steps.durations
        #expect(Set(steps.keys) == Set(WindowSteps.Step.allCases))
        #expect(steps.values.allSatisfy { $0 >= .zero })
        let total = steps.values.reduce(Duration.zero, +)
        #expect(total <= call)
        #expect(steps[.training]! > .zero && steps[.datasets]! > .zero)
    }

    @Test func artifactsFollowTheReferenceLayout() throws {
        let root = try temporaryDirectory("layout")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let dir = root.appendingPathComponent(WindowLabel.make(symbol: "CYCLE", window: w.window))
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(), outputDir: dir)
        #expect(dir.lastPathComponent == "CYCLE_2023-12-28_to_2024-06-24")

        let csv = String(decoding: try Gzip.decompress(Array(try Data(contentsOf: dir.appendingPathComponent("labels.csv.gz")))), as: UTF8.self)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "ts,symbol,open,high,low,close,volume,sma_20,sma_50,ema_12,ema_26,rsi_14,atr_14,vwap,bb_upper,bb_middle,bb_lower,macd_line,macd_signal,macd_histogram,adx_14,obv,label,forward_return")
        #expect(lines.count == result.rows.total + 1)
        #expect(lines[1].hasPrefix("2023-12-28 00:00:00+05:30,CYCLE,"))
        #expect(lines[1].split(separator: ",").count == 24)

        let importance = try String(contentsOf: dir.appendingPathComponent("feature_importance.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(importance.first == "feature,importance,rank")
        #expect(importance.count == 16)
        #expect(importance.last?.hasSuffix(",15") == true)

        let metadata = try readMetadata(dir)
        #expect(metadata["symbol"] as? String == "CYCLE")
        #expect((metadata["date_range"] as? [String: String]) == ["start": "2023-12-28", "end": "2024-06-24"])
        #expect(metadata["total_rows"] as? Int == result.rows.total)
        #expect(metadata["features"] as? [String] == FeatureSet.names)
        #expect(metadata["lightgbm_version"] as? String == "4.6.0")
        let parameters = try #require(metadata["parameters"] as? [String: String])
        #expect(parameters["num_leaves"] == "127")
        let data = try #require(metadata["data"] as? [String: Any])
        #expect(data["warmup_bars"] as? Int == 100)
        #expect(data["lookahead_bars"] as? Int == 7)
        #expect((data["sha256"] as? String)?.count == 64)
        let metrics = try #require(metadata["metrics"] as? [String: Any])
        #expect(metrics["val_auc"] as? Double == result.metrics.validation.auc)
        #expect(metrics["best_iteration"] as? Int == result.metrics.bestIteration)
        let config = try #require(metadata["config"] as? [String: Any])
        #expect(config["split"] as? String == "chronological")
        #expect(config["purge_bars"] as? Int == 7)
    }

    @Test func aWindowWithOneClassWritesNullAUCWithAReason() throws {
        let root = try temporaryDirectory("oneclass")
        defer { try? FileManager.default.removeItem(at: root) }
        // Falling prices: no forward return exceeds +2%, every label is 0.
        let bars = TestBars.series(count: 300) { i in 500 - Double(i) + Double(i % 3) * 0.1 }
        let window = TestBars.window(of: bars, startingAtBar: 120, days: 180)
        let result = try trainer.train(symbol: "FALL", window: window, bars: bars, config: TeacherConfig(),
                                       outputDir: root.appendingPathComponent("FALL"))
        #expect(result.labelDistribution.positive == 0)
        #expect(result.metrics.validation.auc == nil)
        let text = try String(contentsOf: root.appendingPathComponent("FALL/metadata.json"), encoding: .utf8)
        #expect(!text.lowercased().contains("nan"))
        let metrics = try #require(try readMetadata(root.appendingPathComponent("FALL"))["metrics"] as? [String: Any])
        #expect(metrics["val_auc"] is NSNull)
        let undefined = try #require(metrics["undefined"] as? [String: String])
        #expect(undefined["val_auc"]?.hasPrefix("only one class present") == true)
    }

    @Test func tooFewRowsIsInsufficientData() throws {
        let bars = TestBars.cyclicSeries(count: 200)
        let window = TestBars.window(of: bars, startingAtBar: 150, days: 14)
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(UUID())")
        let error = #expect(throws: TeacherError.self) {
            try trainer.train(symbol: "X", window: window, bars: bars, config: TeacherConfig(),
                              outputDir: parent.appendingPathComponent("X_window"))
        }
        #expect(error?.failureClass == .insufficientData)
        #expect(error?.message == "Insufficient samples for training: 10 < 20 minimum")
        // Data that fails creates nothing, not even the parent directory.
        #expect(!FileManager.default.fileExists(atPath: parent.path))
    }

    @Test func anUnwritableOutputDirectoryIsAnArtifactsErrorAndLeavesNothing() throws {
        let root = try temporaryDirectory("unwritable")
        defer { try? FileManager.default.removeItem(at: root) }
        // The window directory's parent is a file, so its staged directory cannot be made.
        let parent = root.appendingPathComponent("batch")
        try Data("not a directory".utf8).write(to: parent)
        let w = LearnableWindow()
        let error = #expect(throws: TeacherError.self) {
            try trainer.train(symbol: "X", window: w.window, bars: w.bars, config: TeacherConfig(),
                              outputDir: parent.appendingPathComponent("X_window"))
        }
        #expect(error?.message.hasPrefix("could not write artifacts to \(parent.path)/X_window") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["batch"])
    }

    @Test func parameterOverridesReachTheModel() throws {
        let root = try temporaryDirectory("override")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        var config = TeacherConfig()
        config.parameterOverrides = ["n_estimators": "5", "num_leaves": "7", "early_stopping_round": "0"]
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: config,
                                       outputDir: root.appendingPathComponent("w"))
        #expect(result.metrics.iterationsRun == 5)
        #expect(result.metrics.bestIteration == 5)
        let model = try String(contentsOf: root.appendingPathComponent("w/model.txt"), encoding: .utf8)
        #expect(model.contains("[num_iterations: 5]"))
        #expect(model.contains("[num_leaves: 7]"))
        #expect(model.contains("[num_threads: 1]"))
        #expect(model.contains("[deterministic: 1]"))
    }

    @Test func theOriginalsBehaviourIsOneSwitchAway() throws {
        let root = try temporaryDirectory("original")
        defer { try? FileManager.default.removeItem(at: root) }
        let w = LearnableWindow()
        let windowBars = w.bars.slice(w.window).count
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: .original,
                                       outputDir: root.appendingPathComponent("w"))
        #expect(result.rows.total == windowBars - 49 - 7)
        #expect(result.split == .stratifiedShuffle)
        #expect(result.rows.purged == 0)
        #expect(result.rows.validation == DataSplit.validationCount(rows: result.rows.total))
        let data = try #require(try readMetadata(root.appendingPathComponent("w"))["data"] as? [String: Any])
        #expect(data["warmup_bars"] as? Int == 0)
        #expect(data["lookahead_bars"] as? Int == 0)
    }

    @Test func badParametersAreInvalidInputAndLightGBMRejectionsAreModelErrors() throws {
        let w = LearnableWindow()
        let parent = try temporaryDirectory("rejected")
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("never")
        var config = TeacherConfig()
        config.parameterOverrides = ["num_leafs": "3"]
        let unknown = #expect(throws: TeacherError.self) {
            try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: config, outputDir: out)
        }
        #expect(unknown?.failureClass == .invalidInput)
        config.parameterOverrides = ["objective": "no_such_objective"]
        let rejected = #expect(throws: TeacherError.self) {
            try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: config, outputDir: out)
        }
        #expect(rejected?.failureClass == .modelError)
        #expect(rejected?.message.contains("no_such_objective") == true)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Nor the staged directory the labels file was being written into beside the training.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [])
    }
}

@Suite struct SmallWindowTests {
    /// 22 rows: 2 validate, 7 are purged, 13 train, fewer than min_data_in_leaf (20), so
    /// LightGBM cannot split and the model is its constant start; training must still succeed.
    @Test func aWindowTooSmallToSplitGivesAConstantModel() throws {
        let trainer = try WindowTrainer()
        let root = try temporaryDirectory("small")
        defer { try? FileManager.default.removeItem(at: root) }
        let bars = TestBars.cyclicSeries(count: 300)
        let window = DayRange(CalendarDay(containing: bars.timestamps[150]), CalendarDay(containing: bars.timestamps[171]))
        let result = try trainer.train(symbol: "SMALL", window: window, bars: bars, config: TeacherConfig(),
                                       outputDir: root.appendingPathComponent("w"))
        #expect(result.rows == RowCounts(total: 22, train: 13, validation: 2, purged: 7))
        #expect(result.metrics.bestIteration == 0)
        #expect(result.metrics.iterationsRun == 0)
        let booster = try Booster(modelFile: root.appendingPathComponent("w/model.txt"), library: trainer.library)
        let prepared = try PreparedWindow.prepare(symbol: "SMALL", window: window, allBars: bars, config: TeacherConfig())
        #expect(Set(try booster.predict(prepared.features)).count == 1)
    }
}
