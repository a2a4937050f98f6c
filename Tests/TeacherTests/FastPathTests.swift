import MarketData
import Testing
@testable import Teacher

/// The fast paths of the numeric work against the plain computations they replace: the same
/// bits, not merely close values (so features, metrics and models are unchanged by them).
@Suite struct FastPathTests {
    /// Values with NaN runs, repeats, both zeros and a wide range of magnitudes.
    static func column(count: Int, seed: UInt64) -> [Double] {
        var random = SplitMix64(state: seed)
        return (0..<count).map { _ in
            switch random.next() % 20 {
            case 0: .nan
            case 1: -0.0
            case 2: 0
            case 3: 100
            default: (Double(random.next() % 1_000_000) / 1000 - 300) * (random.next() % 2 == 0 ? 1 : 1e-6)
            }
        }
    }

    /// Each window summed by itself, left to right, as the statistics are defined.
    static func plainWindowTotals(_ x: [Double], _ n: Int, _ term: ([Double]) -> Double) -> [Double] {
        x.indices.map { i in
            guard i >= n - 1 else { return .nan }
            let window = Array(x[(i - n + 1)...i])
            return window.contains { $0.isNaN } ? .nan : term(window)
        }
    }

    static func sameBits(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
    }

    @Test(arguments: [1, 2, 3, 14, 15, 16, 17, 20, 33, 50])
    func rollingStatisticsSumEachWindowByItself(n: Int) {
        for (count, seed) in [(0, 1), (n - 1, 2), (n, 3), (n + 15, 4), (n + 16, 5), (300, 6), (1000, 7)] as [(Int, UInt64)] {
            let x = Self.column(count: max(0, count), seed: seed)
            let sum = Self.plainWindowTotals(x, n) { w in w.reduce(0.0, +) }
            #expect(Self.sameBits(Indicators.rollingSum(x, n), sum), "sum n \(n) count \(count)")
            #expect(Self.sameBits(Indicators.rollingMean(x, n), sum.map { $0 / Double(n) }), "mean n \(n) count \(count)")
            guard n > 1 else { continue }
            let std = Self.plainWindowTotals(x, n) { w in
                let mean = w.reduce(0.0, +) / Double(n)
                var squares = 0.0
                for v in w { squares += (v - mean) * (v - mean) }
                return (squares / Double(n - 1)).squareRoot()
            }
            #expect(Self.sameBits(Indicators.rollingStd(x, n), std), "std n \(n) count \(count)")
        }
    }

    @Test func radixSortOrdersLikeComparison() {
        for count in [0, 1, 2, 100, 5000] {
            var values = Self.column(count: count, seed: UInt64(count)).filter { !$0.isNaN }
            values += [.infinity, -.infinity, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]
            let keys = RadixSort.sortedKeys(values)
            #expect(keys == values.sorted().map(RadixSort.key), "count \(count)")
        }
        #expect(RadixSort.key(-0.0) == RadixSort.key(0))
    }

    @Test func aucIsTheShareOfPairsOrderedRightWithTiesHalf() {
        var random = SplitMix64(state: 11)
        for (count, levels) in [(2, 2), (10, 3), (500, 7), (2000, 1_000_000)] as [(Int, UInt64)] {
            // Few score levels: many ties, within and across the classes.
            let scores = (0..<count).map { _ in Double(random.next() % levels) / Double(levels) }
            var labels = (0..<count).map { _ in Double(random.next() % 3 == 0 ? 1 : 0) }
            labels[0] = 1; labels[1] = 0
            var twiceCorrect = 0
            for i in scores.indices where labels[i] == 1 {
                for j in scores.indices where labels[j] != 1 {
                    twiceCorrect += scores[i] > scores[j] ? 2 : (scores[i] == scores[j] ? 1 : 0)
                }
            }
            let positives = labels.filter { $0 == 1 }.count
            let expected = Double(twiceCorrect) / 2 / (Double(positives) * Double(count - positives))
            #expect(ClassificationMetrics.rocAUC(scores: scores, labels: labels) == expected, "count \(count)")
        }
    }

    /// A flat stretch makes ADX undefined mid-series (no directional movement: 0/0); those
    /// rows are left out like the warm-up's, and each kept row holds its bar's features.
    @Test func preparedRowsAreTheBarsWithEverythingDefined() {
        let days = TestBars.weekdays(from: TestBars.start, count: 160)
        let bars = BarSeries(bars: days.indices.map { i in
            let flat = (60..<90).contains(i)
            let c = flat ? 100 : 100 + Double((i * 7) % 13) + 0.1 * Double(i)
            let spread = flat ? 1 : 1 + Double(i % 3) * 0.5
            return Bar(timestamp: days[i].startEpochSeconds, open: c, high: c + spread, low: c - spread, close: c, volume: 1000)
        })
        var config = TeacherConfig()
        config.horizon = 3
        let window = 10..<150
        let prepared = PreparedWindow.build(bars: bars, windowBars: window, config: config)
        let columns = FeatureSet.columns(bars)
        let returns = Labels.forwardReturns(close: bars.close, horizon: 3)
        let expected = window.filter { t in returns[t].isFinite && columns.allSatisfy { $0[t].isFinite } }
        #expect(prepared.rowBars == expected)
        #expect(expected.count < window.count - 40, "the flat stretch leaves rows out")
        for (r, t) in expected.enumerated() {
            #expect(Array(prepared.features.row(r)) == columns.map { $0[t] })
        }
        let unlabelled = PreparedWindow.build(bars: bars, windowBars: window, config: config, keepingUnlabelled: true)
        #expect(unlabelled.rowBars == window.filter { t in columns.allSatisfy { $0[t].isFinite } })
    }

    @Test func selectingRowsCopiesTheRowsInOrder() throws {
        let m = try RowMajorMatrixFixture.make(rows: 50, columns: 15)
        let picked = [49, 0, 7, 7, 23]
        let selected = m.selectingRows(picked)
        #expect(selected.rowCount == 5 && selected.columnCount == 15)
        for (r, i) in picked.enumerated() { #expect(Array(selected.row(r)) == Array(m.row(i))) }
        #expect(m.selectingRows([]).rowCount == 0)
    }
}

import LightGBM

enum RowMajorMatrixFixture {
    static func make(rows: Int, columns: Int) throws -> RowMajorMatrix {
        try RowMajorMatrix(values: (0..<(rows * columns)).map(Double.init), rowCount: rows, columnCount: columns)
    }
}
