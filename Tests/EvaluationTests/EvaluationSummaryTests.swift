import Foundation
import Testing
@testable import Evaluation

@Suite struct EvaluationSummaryTests {
    /// A small market: 20 symbols x 60 dates, with one symbol whose labels are all 0.
    static let rows: [ScoredRow] = {
        var rng = SeededGenerator(seed: 21)
        return (0..<60).flatMap { t in
            (0..<20).map { s in
                let forward: Double? = t < 55 ? 0.02 * rng.normal() : nil
                let label = forward.map { s == 0 ? 0 : ($0 > 0 ? 1.0 : 0) }
                return ScoredRow(date: ScoredMarket.dateKey(t), symbol: "S\(s)", probability: Double.random(in: 0...1, using: &rng),
                                 label: label, forwardReturn: forward)
            }
        }
    }()
    static let settings = GateSettings(minLabelledRows: 30, permutations: 20, blockLength: 3, horizon: 3)

    static func json(_ rows: [ScoredRow]) throws -> Data {
        var rng = SeededGenerator(seed: 99)
        return try evaluate(rows, settings: settings, using: &rng).jsonData()
    }

    @Test func shuffledInputGivesByteIdenticalJSON() throws {
        var rng = SeededGenerator(seed: 7)
        let reference = try Self.json(Self.rows)
        #expect(try Self.json(Self.rows.shuffled(using: &rng)) == reference)
        #expect(try Self.json(Self.rows.reversed()) == reference)
    }

    @Test func jsonHasEveryKeyWithNullsForUndefinedValues() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Self.json(Self.rows)) as? [String: Any])
        #expect(Set(object.keys) == ["rank_ic", "ic", "topk_excess", "pooled", "calibration", "dates", "thin_dates",
                                     "undefined_ic_dates", "symbols_evaluated", "symbols", "promoted", "verdict",
                                     "verdict_text", "gate", "daily"])
        let seriesKeys: Set = ["mean", "sd", "icir", "positive_share", "t_stat", "t_stat_plain", "n"]
        #expect(Set(try #require(object["rank_ic"] as? [String: Any]).keys) == seriesKeys)
        #expect(Set(try #require(object["topk_excess"] as? [String: Any]).keys) == seriesKeys.union(["k"]))
        #expect(Set(try #require(object["pooled"] as? [String: Any]).keys) == [
            "auc", "logloss", "brier", "base_rate", "logloss_base", "brier_base", "brier_skill", "logloss_skill", "rows"])
        #expect(try #require(object["calibration"] as? [Any]).count == 10)
        #expect(object["dates"] as? Int == 55)
        // S0 has one class: no AUC and no test, written as nulls rather than left out.
        let symbols = try #require(object["symbols"] as? [[String: Any]])
        let s0 = try #require(symbols.first { $0["symbol"] as? String == "S0" })
        #expect(Set(s0.keys) == ["symbol", "rows", "labelled_rows", "auc", "null_mean", "null_p95", "p_value", "promoted"])
        #expect(s0["auc"] is NSNull && s0["p_value"] is NSNull)
        #expect(s0["labelled_rows"] as? Int == 55)
        #expect(object["symbols_evaluated"] as? Int == 19)
    }

    @Test func summaryRoundTripsThroughJSON() throws {
        var rng = SeededGenerator(seed: 99)
        let summary = evaluate(Self.rows, settings: Self.settings, using: &rng)
        #expect(try JSONDecoder().decode(EvaluationSummary.self, from: summary.jsonData()) == summary)
    }
}
