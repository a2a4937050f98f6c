import Foundation
import Testing
import Batch
import MarketData

/// Out-of-sample evaluation of 5-minute models through the binary, on the same 10 symbols, seed,
/// dates and settings: a market with no edge, and one whose session bars give back their recent
/// move (`intraday-reversion:0.9`; its days are the no-edge days). Three 60-day windows over the
/// first half of 2024, so about 9,000 out-of-sample bar times. `--threshold 0`: a 7-bar forward
/// return seldom reaches the default 2%, so labels are its sign.
@Suite(.serialized) struct IntradayEdgeEndToEndTests {
    static let symbols = ["RELIANCE", "TCS", "HDFCBANK", "INFY", "ICICIBANK", "ITC", "LT", "AXISBANK", "KOTAKBANK", "MARUTI"]

    static func trainAndEvaluate(market: String, name: String) async throws -> [String: Any] {
        let root = try temporaryDirectory(name)
        defer { try? FileManager.default.removeItem(at: root) }
        let data = ["--data-dir", root.path]
        let synth = try await CLI.run(["synthesize", "--symbols"] + symbols + ["--start-date", "2023-11-01", "--end-date", "2024-09-30",
                                       "--interval", "5minute", "--seed", "42", "--market", market] + data, in: root)
        #expect(synth.code == 0, "\(synth.stderr)")
        let r = try await CLI.run(["train", "--symbols"] + symbols + ["--start-date", "2024-01-01", "--end-date", "2024-06-29",
                                   "--window-days", "60", "--interval", "5minute", "--threshold", "0", "--top-k", "3",
                                   "--workers", "2"] + data, in: root)
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        let id = try #require(batchId(from: r.stdout))
        let batch = try #require(try Ledger(root: DataRoot(url: root)).batch(id: id))
        let json = try Data(contentsOf: URL(fileURLWithPath: batch.batchDir).appendingPathComponent("evaluation/evaluation.json"))
        return try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    }

    @Test func aMarketWithoutAnEdgeShowsNoIntradaySkill() async throws {
        let json = try await Self.trainAndEvaluate(market: "no-edge", name: "intraday-no-edge")
        #expect((json["dates"] as? Int ?? 0) >= 8000, "about 120 sessions of 75 bars out of sample")
        let rankT = try #require(EvaluationEndToEndTests.number(json, "rank_ic", "t_stat"))
        #expect(abs(rankT) < 2, "rank IC t \(rankT)")
        #expect(json["verdict"] as? String == "no evidence of skill")
        // The gate's permutation null shuffles whole sessions on intraday bars (with blocks of one
        // 7-bar horizon it promoted 2 of these symbols at p 0.005). Over nine no-edge seeds it
        // promoted one symbol once, as a false-discovery rate of 0.10 allows (docs/intraday.md).
        let promoted = try #require(json["promoted"] as? [String])
        #expect(promoted.isEmpty, "promoted \(promoted)")
    }

    @Test func aPlantedIntradayEdgeIsFound() async throws {
        let json = try await Self.trainAndEvaluate(market: "intraday-reversion:0.9", name: "intraday-edge")
        let rankT = try #require(EvaluationEndToEndTests.number(json, "rank_ic", "t_stat"))
        #expect(rankT > 3, "rank IC t \(rankT)")
        #expect(json["verdict"] as? String == "evidence of cross-sectional skill")
        let promoted = try #require(json["promoted"] as? [String])
        #expect(!promoted.isEmpty, "the gate still promotes where the edge is")
    }
}
