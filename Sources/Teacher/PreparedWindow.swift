import LightGBM
import MarketData

/// One window's bars turned into labelled feature rows.
public struct PreparedWindow: Sendable {
    /// The bars features and labels were computed from: warm-up, window, lookahead.
    public let bars: BarSeries
    /// Positions in `bars` of the window's own bars.
    public let windowBars: Range<Int>
    /// For each labelled row, its position in `bars` (ascending).
    public let rowBars: [Int]
    /// Feature rows, `FeatureSet.names` columns.
    public let features: RowMajorMatrix
    public let labels: [Double]
    public let forwardReturns: [Double]

    public var rowCount: Int { rowBars.count }
    public var warmupBarCount: Int { windowBars.lowerBound }
    public var lookaheadBarCount: Int { bars.count - windowBars.upperBound }

    /// Slices warm-up, window and lookahead bars out of all of a symbol's bars, computes
    /// features and labels, and keeps the window's rows where all of them are defined.
    /// `keepingUnlabelled` also keeps rows whose label is not knowable yet (label and forward
    /// return NaN): rows to score, not to train on.
    public static func prepare(symbol: String, window: DayRange, allBars: BarSeries, config: TeacherConfig,
                               keepingUnlabelled: Bool = false) throws -> PreparedWindow {
        try config.validate()
        let (span, windowBars) = try spans(symbol: symbol, window: window, allBars: allBars, config: config)
        return build(bars: allBars.sliceIndices(span), windowBars: windowBars, config: config,
                     keepingUnlabelled: keepingUnlabelled)
    }

    /// Positions in `allBars` of the bars a window uses (warm-up, window, look-ahead), and the
    /// window's own bars as positions in that span.
    public static func spans(symbol: String, window: DayRange, allBars: BarSeries,
                             config: TeacherConfig) throws -> (used: Range<Int>, window: Range<Int>) {
        let windowStart = allBars.lowerBound(window.first.startEpochSeconds)
        let windowEnd = allBars.lowerBound(window.last.adding(days: 1).startEpochSeconds)
        guard windowEnd > windowStart else { throw TeacherError.dataMissing(symbol: symbol, window: window, interval: config.interval) }
        let first = config.warmup ? max(0, windowStart - config.warmupBars) : windowStart
        let last = config.labelLookahead ? min(allBars.count, windowEnd + config.horizon) : windowEnd
        return (first..<last, (windowStart - first)..<(windowEnd - first))
    }

    static func build(bars: BarSeries, windowBars: Range<Int>, config: TeacherConfig, keepingUnlabelled: Bool = false) -> PreparedWindow {
        let columns = FeatureSet.columns(bars)
        let returns = Labels.forwardReturns(close: bars.close, timestamps: bars.timestamps, horizon: config.horizon, span: config.labelSpan)
        let rowBars = usableRows(windowBars, columns: columns, returns: keepingUnlabelled ? nil : returns)
        return PreparedWindow(
            bars: bars,
            windowBars: windowBars,
            rowBars: rowBars,
            // Shape is correct by construction.
            features: try! RowMajorMatrix(values: rowMajor(columns, rows: rowBars), rowCount: rowBars.count, columnCount: columns.count),
            labels: rowBars.map { returns[$0].isFinite ? Labels.label(forwardReturn: returns[$0], threshold: config.threshold) : .nan },
            forwardReturns: rowBars.map { returns[$0] })
    }

    /// The window's bars whose features are all defined, and whose forward return is (unless
    /// `returns` is nil), checked a column at a time.
    private static func usableRows(_ windowBars: Range<Int>, columns: [[Double]], returns: [Double]?) -> [Int] {
        var usable = [Bool](repeating: true, count: windowBars.count)
        for column in (returns.map { [$0] } ?? []) + columns {
            column.withUnsafeBufferPointer { column in
                for t in windowBars where !column[t].isFinite { usable[t - windowBars.lowerBound] = false }
            }
        }
        return windowBars.filter { usable[$0 - windowBars.lowerBound] }
    }

    /// The `rows` of `columns`, row after row.
    private static func rowMajor(_ columns: [[Double]], rows: [Int]) -> [Double] {
        let width = columns.count
        return [Double](unsafeUninitializedCapacity: rows.count * width) { out, filled in
            for (c, column) in columns.enumerated() {
                column.withUnsafeBufferPointer { column in
                    for (r, t) in rows.enumerated() { out.initializeElement(at: r * width + c, to: column[t]) }
                }
            }
            filled = rows.count * width
        }
    }
}
