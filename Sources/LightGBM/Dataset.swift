import Foundation

/// A LightGBM dataset built from a dense matrix and binary/regression labels.
///
/// Not Sendable: a LightGBM handle is used by one task at a time.
public final class Dataset {
    let library: LightGBMLibrary
    let handle: LGBMHandle
    /// Kept alive because LightGBM's validation data shares the training set's bin mappers.
    private let reference: Dataset?
    public let rowCount: Int
    public let columnCount: Int

    /// - Parameters:
    ///   - parameters: dataset-construction parameters (binning, `min_data_in_leaf` for
    ///     pre-filtering, `verbosity`); pass the same set the booster gets, as LightGBM's Python package does.
    ///   - reference: the training set, when this is a validation set (shares its binning).
    ///   - rows: only these consecutive rows of `matrix` (nil: all), read where they are:
    ///     LightGBM bins the rows as it reads them, so a copy of them would be thrown away.
    public init(
        matrix: RowMajorMatrix,
        rows: Range<Int>? = nil,
        labels: [Double],
        parameters: LightGBMParameters,
        featureNames: [String]? = nil,
        reference: Dataset? = nil,
        library: LightGBMLibrary
    ) throws {
        let rows = rows ?? 0..<matrix.rowCount
        guard rows.lowerBound >= 0, rows.upperBound <= matrix.rowCount else {
            throw LightGBMError.invalidArgument("rows \(rows) of a matrix of \(matrix.rowCount) rows")
        }
        guard labels.count == rows.count else {
            throw LightGBMError.invalidArgument("\(labels.count) labels for \(rows.count) rows")
        }
        if let names = featureNames, names.count != matrix.columnCount {
            throw LightGBMError.invalidArgument("\(names.count) feature names for \(matrix.columnCount) columns")
        }
        var out: LGBMHandle?
        let code = matrix.values.withUnsafeBufferPointer { values in
            library.api.datasetCreateFromMat(
                values.baseAddress.map { UnsafeRawPointer($0 + rows.lowerBound * matrix.columnCount) },
                CAPIConstant.dtypeFloat64, Int32(rows.count), Int32(matrix.columnCount),
                CAPIConstant.rowMajor, parameters.description, reference?.handle, &out)
        }
        try library.check(code, "LGBM_DatasetCreateFromMat")
        guard let handle = out else {
            throw LightGBMError.call(function: "LGBM_DatasetCreateFromMat", message: "returned no handle")
        }
        self.library = library
        self.handle = handle
        self.reference = reference
        self.rowCount = rows.count
        self.columnCount = matrix.columnCount
        try setLabels(labels)
        if let featureNames { try setFeatureNames(featureNames) }
    }

    deinit {
        _ = library.api.datasetFree(handle)
    }

    private func setLabels(_ labels: [Double]) throws {
        let float32 = labels.map(Float.init)
        let code = float32.withUnsafeBytes { bytes in
            library.api.datasetSetField(handle, "label", bytes.baseAddress, Int32(float32.count), CAPIConstant.dtypeFloat32)
        }
        try library.check(code, "LGBM_DatasetSetField(label)")
    }

    private func setFeatureNames(_ names: [String]) throws {
        let copies = names.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [CString?] = copies.map { $0.map { CString($0) } }
        let code = library.api.datasetSetFeatureNames(handle, &pointers, Int32(pointers.count))
        try library.check(code, "LGBM_DatasetSetFeatureNames")
    }
}
