/// Which symbols earn promotion, and whether the batch as a whole shows skill.
public enum PromotionGate {
    /// Symbols with at least `minLabelledRows` labelled rows whose AUC beats the block-permutation
    /// null after Benjamini-Hochberg at `q` across every tested symbol. Sorted.
    public static func promotedSymbols(_ symbols: [SymbolEvaluation], settings: GateSettings) -> [String] {
        let tested = symbols.compactMap { symbol -> (name: String, pValue: Double)? in
            guard symbol.labelledRows >= settings.minLabelledRows, let p = symbol.pValue else { return nil }
            return (symbol.symbol, p)
        }
        return benjaminiHochbergRejections(tested, q: settings.q)
    }

    /// Skill needs both a rank IC whose Newey-West t reaches `minRankICTStat` and a positive
    /// mean top-k excess: ordering that the top picks fail to monetise is not enough.
    public static func verdict(rankIC: SeriesSummary, topKExcess: SeriesSummary, settings: GateSettings) -> Verdict {
        guard let t = rankIC.tStat, t >= settings.minRankICTStat,
              let excess = topKExcess.mean, excess > 0 else { return .noEvidenceOfSkill }
        return .evidenceOfSkill
    }
}
