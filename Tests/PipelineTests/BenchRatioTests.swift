import Testing
@testable import Pipeline

/// The heavy window's budget is a ratio of two timings taken back to back in each round.
@Suite struct BenchRatioTests {
    static func measurement(_ samples: [Double]) -> Measurement {
        Measurement(name: "x", command: "x", samples: samples, itemsPerRun: 1, itemName: "run", peakRSSBytes: nil)
    }

    @Test func ratiosArePairedByRound() {
        // Round by round the first is 1, 2, 3 and 4 times the second (the ratio of the medians is 2.6).
        let a = Self.measurement([10, 40, 90, 160]), b = Self.measurement([10, 20, 30, 40])
        let q = HeavyWindowComparison.pairedRatioQuartiles(a, b)
        #expect(q.lower == 1.75 && q.median == 2.5 && q.upper == 3.25)
        #expect(HeavyWindowComparison.pairedRatio(a, b) == 2.5)
        #expect(HeavyWindowComparison.pairedRatio(Self.measurement([3, 1, 2]), Self.measurement([1, 1, 1])) == 2)
        #expect(HeavyWindowComparison.pairedRatio(Self.measurement([]), Self.measurement([])).isNaN)
    }

    @Test func pythonIsPairedWithEachRoundsMedian() {
        // Three pairs a round: rounds [1, 5, 3] and [10, 30, 20].
        #expect(HeavyWindowBench.pairsPerRound == 3)
        #expect(HeavyWindowComparison.roundMedians(Self.measurement([1, 5, 3, 10, 30, 20])) == [3, 20])
    }
}
