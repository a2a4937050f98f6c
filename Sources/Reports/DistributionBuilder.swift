import Foundation

/// Summary statistics and histogram bins for one list of numbers.
enum DistributionBuilder {
    /// Validation AUC lies in [0, 1]: fixed bins of 0.05 keep batches comparable.
    static func auc(_ values: [Double], excluded: Int, exclusionReason: String) -> Distribution {
        let edges = (0...20).map { Double($0) / 20 }
        return build(values, edges: edges, excluded: excluded, exclusionReason: exclusionReason)
    }

    /// Durations: about `targetBins` bins of a round width (1, 2, 2.5 or 5 times a power of ten).
    static func durations(_ values: [Double], excluded: Int, exclusionReason: String, targetBins: Int = 12) -> Distribution {
        guard let lo = values.min(), let hi = values.max() else {
            return build([], edges: [], excluded: excluded, exclusionReason: exclusionReason)
        }
        let width = roundWidth(hi > lo ? (hi - lo) / Double(targetBins) : max(abs(lo), 0.001) / 10)
        let start = (lo / width).rounded(.down) * width
        let binCount = max(1, Int(((hi - start) / width).rounded(.down)) + 1)
        let edges = (0...binCount).map { tidy(start + Double($0) * width) }
        return build(values, edges: edges, excluded: excluded, exclusionReason: exclusionReason)
    }

    static func build(_ values: [Double], edges: [Double], excluded: Int, exclusionReason: String) -> Distribution {
        let sorted = values.sorted()
        var bins: [HistogramBin] = zip(edges, edges.dropFirst()).map { HistogramBin(lower: $0, upper: $1, count: 0) }
        if !bins.isEmpty {
            for v in sorted {
                let i = bins.lastIndex(where: { $0.lower <= v }) ?? 0
                bins[i].count += 1
            }
        }
        return Distribution(
            count: sorted.count, excluded: excluded, exclusionReason: exclusionReason,
            minimum: sorted.first, median: median(sorted),
            mean: sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count),
            maximum: sorted.last, bins: bins)
    }

    static func median(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func roundWidth(_ raw: Double) -> Double {
        let power = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].first { $0 * power >= raw } ?? 10
        return tidy(step * power)
    }

    /// Removes binary noise (0.30000000000000004) from computed edges.
    private static func tidy(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }
}
