/// Daily information coefficients: how well each date's probabilities order that date's
/// forward returns across symbols.
public struct CrossSectionalSkill: Sendable, Equatable {
    /// Dates with a defined IC, ascending; `ic[i]` and `rankIC[i]` belong to `dates[i]`.
    public var dates: [DateKey] = []
    /// Pearson correlation of probability with forward return.
    public var ic: [Double] = []
    /// Spearman correlation of probability with forward return.
    public var rankIC: [Double] = []
    /// Dates left out for having fewer than the minimum number of symbols.
    public var thinDates = 0
    /// Dates left out because all probabilities (or all returns) were equal.
    public var undefinedDates = 0

    /// Only rows with a forward return count; a date needs `minSymbolsPerDate` of them.
    public init(rows: [ScoredRow], minSymbolsPerDate: Int = 5) {
        self.init(crossSections: CrossSection.byDate(rows.sorted(by: ScoredRow.canonicallyOrdered)), minSymbolsPerDate: minSymbolsPerDate)
    }

    init(crossSections: [CrossSection], minSymbolsPerDate: Int) {
        for section in crossSections {
            guard section.rows.count >= minSymbolsPerDate else { thinDates += 1; continue }
            let p = section.probabilities, r = section.forwardReturns
            guard let pearson = Correlation.pearson(p, r), let spearman = Correlation.spearman(p, r) else {
                undefinedDates += 1
                continue
            }
            dates.append(section.date)
            ic.append(pearson)
            rankIC.append(spearman)
        }
    }
}
