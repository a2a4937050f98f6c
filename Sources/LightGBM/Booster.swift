import Foundation

/// Which feature importance LightGBM reports.
public enum FeatureImportanceKind: Sendable {
    /// How many times a feature is used in a split.
    case split
    /// Total loss reduction of the splits that use a feature.
    case gain

    var code: Int32 { self == .split ? CAPIConstant.importanceSplit : CAPIConstant.importanceGain }
}

/// A LightGBM booster (model): trained from a `Dataset` or loaded from LightGBM's text format.
///
/// Not Sendable: a LightGBM handle is used by one task at a time.
public final class Booster {
    let library: LightGBMLibrary
    let handle: LGBMHandle
    /// LightGBM keeps raw pointers to its training and validation data; they must outlive it.
    private var datasets: [Dataset]

    public init(training: Dataset, parameters: LightGBMParameters) throws {
        var out: LGBMHandle?
        try training.library.check(
            training.library.api.boosterCreate(training.handle, parameters.description, &out), "LGBM_BoosterCreate")
        guard let out else { throw LightGBMError.call(function: "LGBM_BoosterCreate", message: "returned no handle") }
        library = training.library
        handle = out
        datasets = [training]
    }

    /// Loads a model from LightGBM's text format (the content of a `model.txt`).
    public init(modelString: String, library: LightGBMLibrary) throws {
        var iterations: Int32 = 0
        var out: LGBMHandle?
        try library.check(library.api.boosterLoadModelFromString(modelString, &iterations, &out), "LGBM_BoosterLoadModelFromString")
        guard let out else { throw LightGBMError.call(function: "LGBM_BoosterLoadModelFromString", message: "returned no handle") }
        self.library = library
        handle = out
        datasets = []
    }

    /// Loads a model from a text model file.
    public init(modelFile: URL, library: LightGBMLibrary) throws {
        var iterations: Int32 = 0
        var out: LGBMHandle?
        try library.check(library.api.boosterCreateFromModelfile(modelFile.path, &iterations, &out), "LGBM_BoosterCreateFromModelfile")
        guard let out else { throw LightGBMError.call(function: "LGBM_BoosterCreateFromModelfile", message: "returned no handle") }
        self.library = library
        handle = out
        datasets = []
    }

    deinit {
        _ = library.api.boosterFree(handle)
    }

    // MARK: Training

    /// Adds a validation set; evaluation index 1 is the first one added, 2 the second, ...
    public func addValidation(_ dataset: Dataset) throws {
        try library.check(library.api.boosterAddValidData(handle, dataset.handle), "LGBM_BoosterAddValidData")
        datasets.append(dataset)
    }

    public var validationCount: Int { max(0, datasets.count - 1) }

    /// Grows one more iteration. Returns true when LightGBM could not split any further
    /// (it then adds no tree for this iteration).
    @discardableResult
    public func updateOneIteration() throws -> Bool {
        var finished: Int32 = 0
        try library.check(library.api.boosterUpdateOneIter(handle, &finished), "LGBM_BoosterUpdateOneIter")
        return finished == 1
    }

    public func rollbackOneIteration() throws {
        try library.check(library.api.boosterRollbackOneIter(handle), "LGBM_BoosterRollbackOneIter")
    }

    public func currentIteration() throws -> Int {
        try intOut(library.api.boosterGetCurrentIteration, "LGBM_BoosterGetCurrentIteration")
    }

    public func featureCount() throws -> Int {
        try intOut(library.api.boosterGetNumFeature, "LGBM_BoosterGetNumFeature")
    }

    // MARK: Evaluation

    /// Names of the metrics LightGBM evaluates, e.g. `binary_logloss`.
    public func evaluationNames() throws -> [String] {
        let count = try intOut(library.api.boosterGetEvalCounts, "LGBM_BoosterGetEvalCounts")
        guard count > 0 else { return [] }
        var capacity = 128
        while true {
            var buffers = (0..<count).map { _ in UnsafeMutablePointer<CChar>.allocate(capacity: capacity) }
            defer { buffers.forEach { $0.deallocate() } }
            var returned: Int32 = 0
            var needed = 0
            var pointers: [UnsafeMutablePointer<CChar>?] = buffers.map { $0 }
            try library.check(
                library.api.boosterGetEvalNames(handle, Int32(count), &returned, capacity, &needed, &pointers),
                "LGBM_BoosterGetEvalNames")
            if needed <= capacity {
                return buffers.prefix(Int(returned)).map { String(cString: $0) }
            }
            capacity = needed
            buffers = []
        }
    }

    /// Current metric values on data set `dataIndex` (0 = training, 1... = validation sets).
    public func evaluation(dataIndex: Int) throws -> [Double] {
        let count = try intOut(library.api.boosterGetEvalCounts, "LGBM_BoosterGetEvalCounts")
        var values = [Double](repeating: .nan, count: count)
        var returned: Int32 = 0
        try library.check(library.api.boosterGetEval(handle, Int32(dataIndex), &returned, &values), "LGBM_BoosterGetEval")
        return Array(values.prefix(Int(returned)))
    }

    /// The model's current output (probabilities for `binary`) for the rows of dataset
    /// `dataIndex` (0: training, 1...: validation sets), from the scores LightGBM keeps as it
    /// trains: no rows are predicted again.
    public func currentOutput(dataIndex: Int) throws -> [Double] {
        var count: Int64 = 0
        try library.check(library.api.boosterGetNumPredict(handle, Int32(dataIndex), &count), "LGBM_BoosterGetNumPredict")
        var values = [Double](repeating: .nan, count: Int(count))
        var written: Int64 = 0
        try library.check(library.api.boosterGetPredict(handle, Int32(dataIndex), &written, &values), "LGBM_BoosterGetPredict")
        return Array(values.prefix(Int(written)))
    }

    // MARK: Prediction and inspection

    /// Predicted values (probabilities for `binary`), one per row, using the first
    /// `iterations` iterations (nil: all). `parameters` are LightGBM's prediction parameters;
    /// pass `num_threads` there, or LightGBM starts one OpenMP thread per core for every call.
    public func predict(_ matrix: RowMajorMatrix, iterations: Int? = nil,
                        parameters: LightGBMParameters = LightGBMParameters()) throws -> [Double] {
        guard matrix.rowCount > 0 else { return [] }
        let limit = Int32(iterations ?? -1)
        var expected: Int64 = 0
        try library.check(
            library.api.boosterCalcNumPredict(handle, Int32(matrix.rowCount), CAPIConstant.predictNormal, 0, limit, &expected),
            "LGBM_BoosterCalcNumPredict")
        var out = [Double](repeating: .nan, count: Int(expected))
        var written: Int64 = 0
        let code = matrix.values.withUnsafeBytes { data in
            library.api.boosterPredictForMat(
                handle, data.baseAddress, CAPIConstant.dtypeFloat64, Int32(matrix.rowCount), Int32(matrix.columnCount),
                CAPIConstant.rowMajor, CAPIConstant.predictNormal, 0, limit, parameters.description, &written, &out)
        }
        try library.check(code, "LGBM_BoosterPredictForMat")
        return Array(out.prefix(Int(written)))
    }

    /// Importance of each feature, in column order, over the first `iterations` iterations (nil: all).
    public func featureImportance(_ kind: FeatureImportanceKind, iterations: Int? = nil) throws -> [Double] {
        var out = [Double](repeating: 0, count: try featureCount())
        try library.check(
            library.api.boosterFeatureImportance(handle, Int32(iterations ?? -1), kind.code, &out),
            "LGBM_BoosterFeatureImportance")
        return out
    }

    /// The model in LightGBM's text format (`model.txt`), holding the first `iterations` iterations (nil: all).
    public func modelString(iterations: Int? = nil) throws -> String {
        let limit = Int32(iterations ?? -1)
        // Each call renders the whole model (2.5 ms for the 43 trees of the seed's 5-minute
        // window), so the first buffer is large enough that a second call is rare; it is left
        // uninitialised, so only the pages LightGBM writes are touched.
        var capacity: Int64 = 4 << 20
        while true {
            var needed: Int64 = 0
            let text = try [UInt8](unsafeUninitializedCapacity: Int(capacity)) { buffer, count in
                count = 0
                let out = UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                try library.check(
                    library.api.boosterSaveModelToString(handle, 0, limit, CAPIConstant.importanceSplit, capacity, &needed, out),
                    "LGBM_BoosterSaveModelToString")
                if needed <= capacity { count = max(0, Int(needed) - 1) }  // `needed` counts the closing NUL
            }
            if needed <= capacity { return String(decoding: text, as: UTF8.self) }
            capacity = needed
        }
    }

    private func intOut(_ function: CAPI.BoosterIntOut, _ name: String) throws -> Int {
        var value: Int32 = 0
        try library.check(function(handle, &value), name)
        return Int(value)
    }
}
