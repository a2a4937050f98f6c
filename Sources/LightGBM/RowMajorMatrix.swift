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
        var out: [Double] = []
        out.reserveCapacity(indices.count * columnCount)
        for i in indices { out.append(contentsOf: row(i)) }
        // Shape is correct by construction.
        return try! RowMajorMatrix(values: out, rowCount: indices.count, columnCount: columnCount)
    }
}
