/// A dense matrix of `Double`, rows stored one after another (LightGBM's row-major layout).
public struct RowMajorMatrix: Equatable, Sendable {
    public let values: [Double]
    public let rowCount: Int
    public let columnCount: Int

    public init(values: [Double], rowCount: Int, columnCount: Int) throws {
        guard rowCount >= 0, columnCount > 0, values.count == rowCount * columnCount else {
            throw LightGBMError.invalidArgument("matrix of \(values.count) values is not \(rowCount) x \(columnCount)")
        }
        guard rowCount <= Int(Int32.max), columnCount <= Int(Int32.max) else {
            throw LightGBMError.invalidArgument("matrix \(rowCount) x \(columnCount) exceeds LightGBM's 32-bit dimensions")
        }
        self.values = values
        self.rowCount = rowCount
        self.columnCount = columnCount
    }

    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columnCount)..<((index + 1) * columnCount)]
    }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> RowMajorMatrix {
        let width = columnCount
        let out = [Double](unsafeUninitializedCapacity: indices.count * width) { out, filled in
            values.withUnsafeBufferPointer { values in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < rowCount, "row \(i) of \(rowCount)")
                    let source = UnsafeBufferPointer(rebasing: values[(i * width)..<((i + 1) * width)])
                    _ = UnsafeMutableBufferPointer(rebasing: out[(r * width)..<((r + 1) * width)]).initialize(fromContentsOf: source)
                }
            }
            filled = indices.count * width
        }
        // Shape is correct by construction.
        return try! RowMajorMatrix(values: out, rowCount: indices.count, columnCount: columnCount)
    }
}
