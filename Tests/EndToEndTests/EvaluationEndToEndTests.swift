import Foundation
import Testing
import Batch
import MarketData

/// Out-of-sample evaluation through the binary, on a market where nothing is predictable and on
/// one with a planted, learnable edge: the same 100 symbols, 2022-2024 in 180-day windows, so
/// about 2.6 years of out-of-sample days.
@Suite(.serialized) struct EvaluationEndToEndTests {
    static func trainAndEvaluate(market: String, name: String) async throws -> (root: URL, batch: BatchRecord, json: [String: Any], stdout: String) {
        let root = try temporaryDirectory(name)
        let synth = try await CLI.run(["synthesize", "--universe", "nifty100", "--start-date", "2021-01-01", "--end-date", "2025-03-31",
                                       "--market", market, "--data-dir", root.path], in: root)
        #expect(synth.code == 0, "\(synth.stderr)")
        let r = try await CLI.run(["train", "--universe", "nifty100", "--start-date", "2022-01-01", "--end-date", "2024-12-26",
                                   "--workers", "2", "--data-dir", root.path], in: root)
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        let id = try #require(batchId(from: r.stdout))
        let batch = try #require(try Ledger(root: DataRoot(url: root)).batch(id: id))
        let data = try Data(contentsOf: URL(fileURLWithPath: batch.batchDir).appendingPathComponent("evaluation/evaluation.json"))
        return (root, batch, try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]), r.stdout)
    }

    static func number(_ json: [String: Any], _ section: String, _ key: String) -> Double? {
        (json[section] as? [String: Any])?[key] as? Double
    }

    @Test func aMarketWithoutAnEdgeShowsNoSkillAndPromotesAlmostNothing() async throws {
        let run = try await Self.trainAndEvaluate(market: "no-edge", name: "no-edge")
        defer { try? FileManager.default.removeItem(at: run.root) }
        let json = run.json
        #expect((json["dates"] as? Int ?? 0) >= 500, "about two years of out-of-sample dates")
        let rankT = try #require(Self.number(json, "rank_ic", "t_stat"))
        let topKT = try #require(Self.number(json, "topk_excess", "t_stat"))
        #expect(abs(rankT) < 2.5, "rank IC t \(rankT)")
        #expect(abs(topKT) < 2.5, "top-k t \(topKT)")
        let evaluated = try #require(json["symbols_evaluated"] as? Int)
        let promoted = try #require(json["promoted"] as? [String])
        #expect(evaluated >= 90)
        #expect(Double(promoted.count) <= 0.10 * Double(evaluated), "promoted \(promoted)")
        #expect(json["verdict"] as? String == "no evidence of skill")
        #expect(run.stdout.contains("so there is no evidence of skill."))
        let report = try String(contentsOfFile: run.batch.batchDir + "/report.md", encoding: .utf8)
        #expect(report.contains("No evidence of skill"))
        // The ledger records the verdict and the gate's settings.
        let recorded = try #require(try Ledger(root: DataRoot(url: run.root)).evaluation(batchId: run.batch.id))
        #expect(recorded.verdict == "no evidence of skill")
        #expect(recorded.settings.contains("\"q\":0.1"))

        // Traded with costs: the gross excess over buy-and-hold is noise, and costs only subtract.
        let backtest = try await Self.backtest(run)
        let excess = try Self.dailyExcessReturns(run.batch)
        let t = excess.reduce(0, +) / Double(excess.count) / Self.sd(excess) * Double(excess.count).squareRoot()
        #expect(abs(t) < 2.5, "t of the daily excess over buy-and-hold: \(t)")
        let net = try #require(backtest["net_return"] as? Double), gross = try #require(backtest["gross_return"] as? Double)
        let charges = try #require(backtest["total_charges"] as? Double)
        #expect(charges > 0)
        #expect(abs((gross - net) * 1_000_000 - charges) < 0.01, "gross minus net is the charges")
        // Same inputs, same bytes; and the batch report links the backtest.
        let dir = run.batch.batchDir + "/backtest/"
        let first = try ["trades.csv", "equity.csv", "backtest.json", "backtest.html"].map { try Data(contentsOf: URL(fileURLWithPath: dir + $0)) }
        _ = try await Self.backtest(run)
        let second = try ["trades.csv", "equity.csv", "backtest.json", "backtest.html"].map { try Data(contentsOf: URL(fileURLWithPath: dir + $0)) }
        #expect(first == second)
        #expect(try String(contentsOfFile: run.batch.batchDir + "/report.md", encoding: .utf8).contains("](backtest/backtest.html)"))
    }

    static func backtest(_ run: (root: URL, batch: BatchRecord, json: [String: Any], stdout: String)) async throws -> [String: Any] {
        let r = try await CLI.run(["backtest", run.batch.id, "--min-probability", "0", "--data-dir", run.root.path], in: run.root)
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: run.batch.batchDir + "/backtest/backtest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Daily log return of the strategy's gross equity (charges added back, from trades.csv) less
    /// that of buy-and-hold, from equity.csv.
    static func dailyExcessReturns(_ batch: BatchRecord) throws -> [Double] {
        func rows(_ file: String) throws -> [[Substring]] {
            try String(contentsOfFile: batch.batchDir + "/backtest/" + file, encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        var chargesByDate: [Substring: Double] = [:]
        for fill in try rows("trades.csv") { chargesByDate[fill[0], default: 0] += Double(fill.last!)! }
        var charged = 0.0
        let points = try rows("equity.csv").map { r -> (gross: Double, benchmark: Double) in
            charged += chargesByDate[r[0]] ?? 0
            return (Double(r[3])! + charged, Double(r[4])!)
        }
        return zip(points, points.dropFirst()).map { a, b in log(b.gross / a.gross) - log(b.benchmark / a.benchmark) }
    }

    static func sd(_ x: [Double]) -> Double {
        let m = x.reduce(0, +) / Double(x.count)
        return (x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(x.count - 1)).squareRoot()
    }

    @Test func aPlantedEdgeIsFound() async throws {
        let run = try await Self.trainAndEvaluate(market: "mean-reversion:0.9", name: "edge")
        defer { try? FileManager.default.removeItem(at: run.root) }
        let rankT = try #require(Self.number(run.json, "rank_ic", "t_stat"))
        let topK = try #require(Self.number(run.json, "topk_excess", "mean"))
        #expect(rankT > 3, "rank IC t \(rankT)")
        #expect(topK > 0, "top-k excess \(topK)")
        #expect(run.json["verdict"] as? String == "evidence of cross-sectional skill")
        let backtest = try await Self.backtest(run)
        let excess = try #require(backtest["excess_return"] as? Double)
        #expect(excess > 0, "net excess over buy-and-hold \(excess)")
    }

    @Test func evaluationIsByteIdenticalAcrossRunsAndWorkerCounts() async throws {
        let root = try temporaryDirectory("eval-determinism")
        defer { try? FileManager.default.removeItem(at: root) }
        let symbols = ["RELIANCE", "TCS", "INFY", "SBIN", "WIPRO", "ITC", "LT", "HDFCBANK"]
        _ = try await CLI.run(["synthesize", "--symbols"] + symbols + ["--start-date", "2023-01-01", "--end-date", "2025-03-31",
                               "--data-dir", root.path], in: root)
        var files: [[Data]] = []
        for workers in ["1", "2"] {
            let r = try await CLI.run(["train", "--symbols"] + symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                       "--window-days", "90", "--workers", workers, "--data-dir", root.path], in: root)
            let id = try #require(batchId(from: r.stdout), "\(r.stdout)\n\(r.stderr)")
            let dir = try #require(try Ledger(root: DataRoot(url: root)).batch(id: id)).batchDir + "/evaluation/"
            let first = try [Data(contentsOf: URL(fileURLWithPath: dir + "evaluation.json")),
                             Data(contentsOf: URL(fileURLWithPath: dir + "predictions.csv"))]
            let again = try await CLI.run(["evaluate", id, "--data-dir", root.path], in: root)
            #expect(again.code == 0, "\(again.stderr)")
            let second = try [Data(contentsOf: URL(fileURLWithPath: dir + "evaluation.json")),
                              Data(contentsOf: URL(fileURLWithPath: dir + "predictions.csv"))]
            #expect(first == second, "evaluating twice gives the same bytes")
            #expect(first[1].count > 1000)
            files.append(first)
            try await Task.sleep(for: .seconds(1.1))   // batch ids are per second
        }
        #expect(files[0] == files[1], "--workers 1 and 2 give the same evaluation")

        // predict: today's signals from the newest batch, deterministic, refusing stale data.
        let today = try await CLI.run(["predict", "--data-dir", root.path], in: root)
        #expect(today.code == 0, "\(today.stderr)")
        #expect(today.stdout.contains("as of 2025-03-28"), "the last cached trading day: \(today.stdout)")
        #expect(today.stdout.split(separator: "\n").count == 2 + symbols.count)
        let json = try await CLI.run(["predict", "--as-of", "2024-12-31", "--format", "json", "--data-dir", root.path], in: root)
        let again = try await CLI.run(["predict", "--as-of", "2024-12-31", "--format", "json", "--data-dir", root.path], in: root)
        #expect(json.code == 0 && json.stdout == again.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let predictions = try #require(object["predictions"] as? [[String: Any]])
        #expect(predictions.count == symbols.count)
        #expect(predictions.allSatisfy { $0["bar_date"] as? String == "2024-12-31" })
        // The model used on 2024-12-31 was trained by then: never the window that ends 2024-12-26.
        #expect(predictions.allSatisfy { ($0["window_label"] as? String)?.hasSuffix("_to_2024-12-26") == false })
        let stale = try await CLI.run(["predict", "--as-of", "2025-06-02", "--data-dir", root.path], in: root)
        #expect(stale.code == 1)
        #expect(stale.stderr.contains("newest bar older than the as-of trading day 2025-06-02"))
        #expect(stale.stderr.contains("; fix: sensequant fetch --symbols "))
        let unknown = try await CLI.run(["predict", "--symbols", "TCS", "NOSUCH", "--data-dir", root.path], in: root)
        #expect(unknown.code == 1)
        #expect(unknown.stderr.contains("no trained model for NOSUCH"))
    }
}
