import Foundation
import LightGBM
import MarketData
import SystemIO

/// Trains one window of one symbol and writes its artifacts. Safe to use from several tasks
/// at once: each call builds its own LightGBM handles.
public struct WindowTrainer: Sendable {
    public let library: LightGBMLibrary
    /// LightGBM's own threads per window (`num_threads`, unless the config's overrides set it).
    /// A batch plans it once (`LightGBMThreadPlan`) and records it, so it never follows `--workers`.
    public var lightgbmThreads: Int = 1

    public init(library: LightGBMLibrary, lightgbmThreads: Int = 1) {
        self.library = library
        self.lightgbmThreads = lightgbmThreads
    }

    /// With the LightGBM library found by the default search order.
    public init() throws {
        do { library = try LightGBMLibrary.shared() }
        catch let error as LightGBMError { throw TeacherError.model(error) }
    }

    /// - Parameters:
    ///   - bars: all bars of the symbol the caller has (at least the window; warm-up bars
    ///     before it and lookahead bars after it are sliced out here as the config asks).
    ///   - outputDir: the window directory itself (e.g. `<batch>/<WindowLabel>`); replaced atomically.
    /// - Throws: `TeacherError` (dataMissing, insufficientData, invalidInput, modelError, internal).
    public func train(symbol: String, window: DayRange, bars: BarSeries, config: TeacherConfig, outputDir: URL) throws -> WindowResult {
        var clock = WindowSteps.Clock()
        let parameters = try TeacherParameters.resolve(overrides: config.parameterOverrides, threads: lightgbmThreads, library: library)
        let prepared = try PreparedWindow.prepare(symbol: symbol, window: window, allBars: bars, config: config)
        guard prepared.rowCount >= config.minimumRows else {
            throw TeacherError.insufficientData(rows: prepared.rowCount, minimum: config.minimumRows)
        }
        let split = try DataSplit.make(prepared, config: config)
        clock.finished(.featuresAndLabels)
        // Made by the labels job, the first to write into it (`ArtifactFiles.makeStagedDirectory`).
        let staged = AtomicFile.StagedDirectory(planningFor: outputDir)
        // Work beside LightGBM's only when its threads leave a core free: an OpenMP team that
        // waits for a busy core slows many times over.
        let threads = parameters["num_threads"].flatMap { Int($0) } ?? lightgbmThreads
        let lane = threads < ProcessInfo.processInfo.activeProcessorCount ? DispatchQueue(label: "sensequant.window-side-work") : nil
        let rowArtifacts = writeRowArtifacts(prepared, symbol: symbol, into: staged, on: lane)
        let bestMetrics = BestIterationMetrics(trainLabels: split.train.map { prepared.labels[$0] },
                                               validationLabels: split.validation.map { prepared.labels[$0] }, lane: lane)
        clock.finished(.staging)
        var committed = false
        var modelFiles: SideWork<Void>?
        defer {
            if !committed {
                // Side work may still be writing into the staged directory.
                _ = try? rowArtifacts.value()
                _ = try? modelFiles?.value()
                staged.discard()
            }
        }
        let (model, booster) = try FittedModel.fit(prepared, split: split, parameters: parameters, library: library,
                                                   onKept: bestMetrics.kept)
        clock.finished(.datasets, taking: model.datasetsTime, rest: .training)
        // The labels job made the staged directory and the (empty) files written from here on
        // (on the heavy window it finished during training, so this wait is a few µs).
        let dataSHA256: String
        do { dataSHA256 = try rowArtifacts.value() } catch { throw TeacherError.artifacts(error, directory: outputDir.path) }
        clock.finished(.waitingForLabels)
        // `consume`: a local keeps what it holds to the end of the function, so the booster was
        // freed here on return (0.34 ms of the heavy window) instead of on the side.
        modelFiles = writeModelFiles(consume booster, importance: model.importanceSplit, into: staged, on: lane)
        clock.finished(.modelFiles)
        let metrics = try bestMetrics.value(train: model.trainProbabilities, validation: model.validationProbabilities)
        var result = makeResult(symbol: symbol, window: window, prepared: prepared, split: split, metrics: metrics, model: model,
                                dataSHA256: dataSHA256, outputDir: outputDir)
        clock.finished(.metrics)
        let metadata: [UInt8]
        do { metadata = try WindowMetadata.encode(WindowMetadata(result: result, prepared: prepared, config: config)) } catch {
            throw TeacherError.artifacts(error, directory: outputDir.path)
        }
        clock.finished(.metadata)
        try modelFiles?.value()
        clock.finished(.waitingForModel)
        do { try ArtifactFiles.writeMetadataAndCommit(metadata, into: staged) } catch {
            throw TeacherError.artifacts(error, directory: outputDir.path)
        }
        committed = true
        clock.finished(.commit)
        result.steps = clock.steps
        return result
    }

    /// `labels.csv.gz` into the staged directory, and the bars' fingerprint: they depend only on
    /// the rows, so they are made on the spare core while LightGBM trains (on a large window they
    /// cost about as much CPU as training on one thread).
    private func writeRowArtifacts(_ prepared: PreparedWindow, symbol: String, into staged: AtomicFile.StagedDirectory,
                                   on lane: DispatchQueue?) -> SideWork<String> {
        SideWork(on: lane) {
            try ArtifactFiles.makeStagedDirectory(staged)
            let csv = ArtifactFiles.labelsCSV(prepared, symbol: symbol)
            try ArtifactFiles.writeLabels(try Gzip.compress(csv, level: ArtifactFiles.labelsGzipLevel), into: staged)
            return BarFingerprint.sha256(prepared.bars)
        }
    }

    /// `model.txt` and `feature_importance.csv`, made on the spare core while the caller encodes
    /// the metadata (in line they took 0.6-0.8 ms of the heavy window, and left the caller 0.2-0.3 ms
    /// later than waiting for them does); the booster goes with them, so LightGBM's memory is
    /// freed there too (0.36 ms in line).
    private func writeModelFiles(_ booster: sending FittedBooster, importance: [Double], into staged: AtomicFile.StagedDirectory,
                                 on lane: DispatchQueue?) -> SideWork<Void> {
        SideWork(on: lane) {
            let text = try booster.modelText()
            do {
                try ArtifactFiles.writeModel(text, importance: ArtifactFiles.featureImportanceCSV(splitCounts: importance), into: staged)
            } catch {
                throw TeacherError.artifacts(error, directory: staged.target.path)
            }
        }
    }

    private func makeResult(symbol: String, window: DayRange, prepared: PreparedWindow, split: DataSplit, metrics pair: BestIterationMetrics.Pair,
                            model: FittedModel, dataSHA256: String, outputDir: URL) -> WindowResult {
        let metrics = WindowMetrics(
            train: pair.train,
            validation: pair.validation,
            bestIteration: model.outcome.bestIteration,
            iterationsRun: model.outcome.iterationsRun,
            stoppedEarly: model.outcome.stoppedEarly)
        return WindowResult(
            symbol: symbol,
            window: window,
            label: WindowLabel.make(symbol: symbol, window: window),
            artifactsDirectory: outputDir,
            rows: RowCounts(total: prepared.rowCount, train: split.train.count,
                            validation: split.validation.count, purged: split.purged.count),
            labelDistribution: LabelDistribution(prepared.labels),
            metrics: metrics,
            parameters: model.parameters,
            split: split.mode,
            lightGBMVersion: library.version,
            dataSHA256: dataSHA256)
    }
}

extension WindowMetadata {
    init(result: WindowResult, prepared: PreparedWindow, config: TeacherConfig) {
        let bars = prepared.bars
        let stamp = { (i: Int) in IST.format(bars.timestamps[i]) }
        self.init(
            symbol: result.symbol,
            windowLabel: result.label,
            dateRange: DateRange(start: result.window.first.description, end: result.window.last.description),
            totalRows: result.rows.total,
            trainRows: result.rows.train,
            valRows: result.rows.validation,
            purgedRows: result.rows.purged,
            labelDistribution: ["0": result.labelDistribution.negative, "1": result.labelDistribution.positive],
            features: FeatureSet.names,
            config: Config(
                forecastHorizon: config.horizon, threshold: config.threshold, split: result.split.rawValue,
                splitSeed: result.split == .stratifiedShuffle ? config.splitSeed : nil,
                purgeBars: result.split == .chronological ? config.horizon : 0,
                warmup: config.warmup, warmupBarsMax: config.warmupBars,
                labelLookahead: config.labelLookahead, minimumRows: config.minimumRows),
            parameters: result.parameters.dictionary,
            lightgbmVersion: result.lightGBMVersion,
            data: DataProvenance(
                interval: config.interval.rawValue,
                firstBar: stamp(0), lastBar: stamp(bars.count - 1),
                windowFirstBar: stamp(prepared.windowBars.lowerBound), windowLastBar: stamp(prepared.windowBars.upperBound - 1),
                bars: bars.count, warmupBars: prepared.warmupBarCount, lookaheadBars: prepared.lookaheadBarCount,
                sha256: result.dataSHA256, sha256Of: BarFingerprint.encodingDescription),
            metrics: MetricsJSON(metrics: result.metrics))
    }
}
