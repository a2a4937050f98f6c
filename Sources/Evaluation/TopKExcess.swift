/// Per date: mean forward return of the `k` most probable symbols minus the mean forward
/// return of all symbols that date. The long-only "did the top picks beat the universe" test.
public struct TopKExcess: Sendable, Equatable {
    public var k: Int
    /// Dates with more than `k` symbols (none when k < 1), ascending; `excess[i]` belongs to `dates[i]`.
    public var dates: [DateKey] = []
    public var excess: [Double] = []

    public init(rows: [ScoredRow], k: Int = 10) {
        self.init(crossSections: CrossSection.byDate(rows.sorted(by: ScoredRow.canonicallyOrdered)), k: k)
    }

    init(crossSections: [CrossSection], k: Int) {
        self.k = k
        for section in crossSections where k >= 1 && section.rows.count > k {
            dates.append(section.date)
            excess.append(Self.excess(section.rows, k: k))
        }
    }

    /// Ties in probability go to the alphabetically first symbol, so the picks are reproducible.
    static func excess(_ rows: [ScoredRow], k: Int) -> Double {
        let ranked = rows.sorted {
            $0.probability != $1.probability ? $0.probability > $1.probability : $0.symbol < $1.symbol
        }
        let top = ranked.prefix(k).compactMap(\.forwardReturn)
        return mean(top) - mean(rows.compactMap(\.forwardReturn))
    }
}
