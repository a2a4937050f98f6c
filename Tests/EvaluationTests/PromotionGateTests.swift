import Testing
@testable import Evaluation

@Suite struct PromotionGateTests {
    static func symbol(_ name: String, labelledRows: Int, pValue: Double?) -> SymbolEvaluation {
        var rng = SeededGenerator(seed: 0)
        var s = SymbolEvaluation(symbol: name, rows: [], settings: GateSettings(), using: &rng)
        s.labelledRows = labelledRows
        s.pValue = pValue
        return s
    }

    // BH at 0.10 over the three tested symbols (cuts 0.033, 0.067, 0.1): A and B pass, C's
    // 0.5 does not. D has the best p but only 59 labelled rows; E has no test at all.
    @Test func promotesBHRejectionsWithEnoughRows() {
        let symbols = [
            Self.symbol("B", labelledRows: 60, pValue: 0.05),
            Self.symbol("A", labelledRows: 300, pValue: 0.01),
            Self.symbol("C", labelledRows: 300, pValue: 0.5),
            Self.symbol("D", labelledRows: 59, pValue: 0.001),
            Self.symbol("E", labelledRows: 300, pValue: nil),
        ]
        #expect(PromotionGate.promotedSymbols(symbols, settings: GateSettings()) == ["A", "B"])
    }

    static func series(mean: Double, tStat: Double?) -> SeriesSummary {
        var s = SeriesSummary(series: [], lag: 1)
        s.mean = mean
        s.tStat = tStat
        return s
    }

    @Test func skillNeedsBothTheRankICTStatAndAPositiveTopKExcess() {
        let settings = GateSettings()
        let strong = Self.series(mean: 0.03, tStat: 2.0), weak = Self.series(mean: 0.03, tStat: 1.99)
        let gain = Self.series(mean: 0.001, tStat: 1), loss = Self.series(mean: -0.001, tStat: -1)
        #expect(PromotionGate.verdict(rankIC: strong, topKExcess: gain, settings: settings) == .evidenceOfSkill)
        #expect(PromotionGate.verdict(rankIC: weak, topKExcess: gain, settings: settings) == .noEvidenceOfSkill)
        #expect(PromotionGate.verdict(rankIC: strong, topKExcess: loss, settings: settings) == .noEvidenceOfSkill)
        #expect(PromotionGate.verdict(rankIC: Self.series(mean: 0.03, tStat: nil), topKExcess: gain, settings: settings) == .noEvidenceOfSkill)
    }

    @Test func statementIsOneSentenceWithTheNumbers() {
        let text = Verdict.noEvidenceOfSkill.statement(
            rankIC: Self.series(mean: 0.012, tStat: 1.5), topKExcess: Self.series(mean: -0.0004, tStat: nil),
            settings: GateSettings())
        #expect(text == "Over 0 dates the rank IC averaged 0.0120 with a Newey-West t of 1.5000 (2.0000 needed), "
            + "and the top 10 picks beat the day's average forward return by -0.0004 per date, so there is no evidence of skill.")
    }
}
