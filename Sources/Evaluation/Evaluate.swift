/// Evaluates out-of-sample predictions end to end. Rows are put in canonical order first,
/// so any ordering of the same rows (and the same generator state) gives the same summary.
public func evaluate(_ rows: [ScoredRow], settings: GateSettings = GateSettings(),
                     using rng: inout some RandomNumberGenerator) -> EvaluationSummary {
    let ordered = rows.sorted(by: ScoredRow.canonicallyOrdered)
    let crossSections = CrossSection.byDate(ordered)
    let skill = CrossSectionalSkill(crossSections: crossSections, minSymbolsPerDate: settings.minSymbolsPerDate)
    let topK = TopKExcess(crossSections: crossSections, k: settings.k)
    let rankIC = SeriesSummary(series: skill.rankIC, lag: settings.dependenceLength)
    let topKSeries = SeriesSummary(series: topK.excess, lag: settings.dependenceLength)
    let labelled = ordered.filter { $0.label != nil }
    let probabilities = labelled.map(\.probability), labels = labelled.compactMap(\.label)

    var symbols = SymbolEvaluation.all(ordered, settings: settings, using: &rng)
    let promoted = PromotionGate.promotedSymbols(symbols, settings: settings)
    for i in symbols.indices { symbols[i].promoted = promoted.contains(symbols[i].symbol) }
    let verdict = PromotionGate.verdict(rankIC: rankIC, topKExcess: topKSeries, settings: settings)

    return EvaluationSummary(
        rankIC: rankIC,
        ic: SeriesSummary(series: skill.ic, lag: settings.dependenceLength),
        topKExcess: TopKExcessSummary(k: settings.k, series: topKSeries),
        pooled: PooledScores(probabilities: probabilities, labels: labels),
        calibration: CalibrationBin.table(probabilities: probabilities, labels: labels),
        dates: skill.dates.count,
        thinDates: skill.thinDates,
        undefinedICDates: skill.undefinedDates,
        symbolsEvaluated: symbols.filter { $0.pValue != nil }.count,
        symbols: symbols,
        promoted: promoted,
        verdict: verdict,
        verdictText: verdict.statement(rankIC: rankIC, topKExcess: topKSeries, settings: settings),
        gate: settings,
        daily: DailySkill.merge(skill, topK))
}
