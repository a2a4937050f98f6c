import Teacher

/// How a symbol's out-of-sample AUC compares with AUCs of the same probabilities against
/// its own labels shuffled in contiguous blocks.
///
/// Overlapping forward windows make neighbouring labels move together; shuffling whole
/// blocks of `blockLength` (the horizon) keeps that dependence in the null, so a run of
/// lucky overlapping labels is not mistaken for skill.
public struct BlockPermutationNull: Sendable, Equatable {
    public var observedAUC: Double
    public var nullMean: Double
    /// 95th percentile of the null AUCs (linear interpolation).
    public var nullP95: Double
    /// One-sided: (1 + #{null >= observed}) / (1 + permutations), never 0.
    public var pValue: Double

    /// `scores` and `labels` in date order. Nil when the AUC is undefined (one class) or
    /// `permutations` or `blockLength` is below 1.
    public init?(scores: [Double], labels: [Double], blockLength: Int, permutations: Int, using rng: inout some RandomNumberGenerator) {
        guard permutations >= 1, blockLength >= 1 else { return nil }
        // The AUC does not depend on row order, and rocAUC's sort (the standard library's
        // run-detecting merge sort) takes a single pass over rows already in score order,
        // several times less work per permutation than handing it the date order.
        let byScore = scores.indices.sorted { scores[$0] < scores[$1] }
        let scoresInOrder = byScore.map { scores[$0] }
        func auc(_ labels: [Double]) -> Double? {
            ClassificationMetrics.rocAUC(scores: scoresInOrder, labels: byScore.map { labels[$0] })
        }
        guard let observed = auc(labels) else { return nil }
        var null: [Double] = []
        for _ in 0..<permutations {
            let shuffled = Self.blockShuffled(labels, blockLength: blockLength, using: &rng)
            // Shuffling keeps both classes, so the AUC stays defined.
            null.append(auc(shuffled) ?? 0.5)
        }
        observedAUC = observed
        nullMean = mean(null)
        nullP95 = quantile(null, 0.95) ?? observed
        pValue = Double(1 + null.filter { $0 >= observed }.count) / Double(1 + permutations)
    }

    /// `labels` cut into consecutive blocks of `blockLength` (the last may be shorter),
    /// the blocks put in random order, each block's inside order kept.
    static func blockShuffled(_ labels: [Double], blockLength: Int, using rng: inout some RandomNumberGenerator) -> [Double] {
        var blockStarts = Array(stride(from: 0, to: labels.count, by: blockLength))
        blockStarts.shuffle(using: &rng)
        var shuffled: [Double] = []
        shuffled.reserveCapacity(labels.count)
        for start in blockStarts { shuffled += labels[start..<min(start + blockLength, labels.count)] }
        return shuffled
    }
}
