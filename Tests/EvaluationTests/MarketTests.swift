import Testing
@testable import Evaluation

/// End-to-end on synthetic markets: 96 symbols x 500 dates, horizon 7 (overlapping labels).
@Suite struct MarketTests {
    static let settings = GateSettings(blockLength: ScoredMarket.horizon, horizon: ScoredMarket.horizon)

    /// Evaluated once, shared by the tests that read it.
    static let noEdge = evaluated(.noEdge, seed: 11)
    static let plantedEdge = evaluated(.plantedEdge(a: 0.3, noise: 10), seed: 12)

    static func evaluated(_ model: ScoredMarket.Model, seed: UInt64) -> EvaluationSummary {
        var rng = SeededGenerator(seed: seed ^ 0xE7A1)
        let summary = evaluate(ScoredMarket.rows(model: model, seed: seed), settings: settings, using: &rng)
        print("""
            [\(model)] dates \(summary.dates) IC mean \(summary.ic.mean ?? .nan) NW t \(summary.ic.tStat ?? .nan) \
            plain t \(summary.ic.tStatPlain ?? .nan); rankIC mean \(summary.rankIC.mean ?? .nan) \
            NW t \(summary.rankIC.tStat ?? .nan) plain t \(summary.rankIC.tStatPlain ?? .nan); \
            topk mean \(summary.topKExcess.series.mean ?? .nan) NW t \(summary.topKExcess.series.tStat ?? .nan) \
            plain t \(summary.topKExcess.series.tStatPlain ?? .nan); pooled AUC \(summary.pooled.auc ?? .nan); \
            promoted \(summary.promoted.count)/\(summary.symbolsEvaluated), \
            p<=0.05: \(summary.symbols.filter { ($0.pValue ?? 1) <= 0.05 }.count); \(summary.verdict.rawValue)
            """)
        return summary
    }

    @Test func noEdgeMarketShowsNoSkill() throws {
        let summary = Self.noEdge
        #expect(summary.dates == ScoredMarket.dateCount - ScoredMarket.horizon)
        #expect(summary.symbolsEvaluated == ScoredMarket.symbolCount)
        let rankT = try #require(summary.rankIC.tStat)
        let topKT = try #require(summary.topKExcess.series.tStat)
        #expect(abs(rankT) < 2.5)
        #expect(abs(topKT) < 2.5)
        #expect(Double(summary.promoted.count) <= 0.10 * Double(ScoredMarket.symbolCount))
        #expect(summary.verdict == .noEvidenceOfSkill)
        // The block-permutation null centres on chance for every symbol.
        let nullMeans = summary.symbols.compactMap(\.nullMean)
        #expect(nullMeans.count == ScoredMarket.symbolCount)
        #expect(nullMeans.allSatisfy { abs($0 - 0.5) < 0.02 })
        _ = try summary.jsonData() // JSONEncoder throws on NaN or infinity: none slipped through.
    }

    /// The model's slowly drifting scores and the 7-bar overlap make consecutive daily values
    /// correlated: the i.i.d. standard error is too small, so |plain t| runs about twice |NW t|.
    @Test func plainTStatIsInflatedUnderOverlap() throws {
        let summary = Self.noEdge
        for series in [summary.rankIC, summary.ic, summary.topKExcess.series] {
            let plain = try #require(series.tStatPlain), robust = try #require(series.tStat)
            #expect(abs(plain) > 1.4 * abs(robust))
        }
    }

    @Test func plantedEdgeMarketShowsSkill() throws {
        let summary = Self.plantedEdge
        let rankT = try #require(summary.rankIC.tStat)
        let topKMean = try #require(summary.topKExcess.series.mean)
        #expect(rankT > 3)
        #expect(topKMean > 0)
        #expect(summary.verdict == .evidenceOfSkill)
        #expect(summary.promoted.count >= ScoredMarket.symbolCount / 4)
        #expect(summary.verdictText.hasSuffix("so there is evidence of cross-sectional skill."))
    }
}
