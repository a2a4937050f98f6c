/// Qlib-style TopkDropout: which held names to drop and which new names to add at one rebalance.
struct RebalancePlan: Equatable {
    /// Held names to sell entirely, lowest ranked first.
    var sells: [String]
    /// New names to buy, highest ranked first.
    var buys: [String]
    /// Names held after the rebalance (kept + bought); equal-weight sizing divides equity by its count.
    var targetCount: Int
}

enum TargetSelection {
    /// `signals` are one date's predictions. Ranking is by probability, highest first, ties by symbol name.
    static func plan(signals: [Signal], held: Set<String>, settings: BacktestSettings) -> RebalancePlan {
        let ranked = signals
            .filter { $0.probability >= settings.minProbability }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.symbol < $1.symbol }
            .map(\.symbol)
        let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        let ideal = Set(ranked.prefix(settings.topK))

        // Held names outside the ideal target, worst first; names with no qualifying signal rank below all others.
        let leaving = held.subtracting(ideal).sorted {
            let (a, b) = (rank[$0] ?? Int.max, rank[$1] ?? Int.max)
            return a != b ? a > b : $0 < $1
        }
        let sells = Array(leaving.prefix(settings.maxReplacements))
        let kept = held.count - sells.count
        let slots = max(0, settings.topK - kept)
        let buys = Array(ranked.prefix(settings.topK).filter { !held.contains($0) }.prefix(slots))
        return RebalancePlan(sells: sells, buys: buys, targetCount: kept + buys.count)
    }
}
