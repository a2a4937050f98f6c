import Foundation
import Testing
import Batch
import MarketData

/// Intraday end to end with the built binary: 5-minute bars fetched from a `sensequant sandbox`
/// process that cuts one session short, coverage naming that partial day, a batch of 10 symbols
/// x 2 windows at 5-minute bars (the partial day's window skipped as `partialDay`), then its
/// out-of-sample evaluation, today's signals and a backtest.
@Suite(.serialized) struct IntradayEndToEndTests {
    static let symbols = ["RELIANCE", "TCS", "HDFCBANK", "INFY", "ICICIBANK", "ITC", "LT", "AXISBANK", "KOTAKBANK", "MARUTI"]

    @Test func fiveMinuteBarsFromFetchToPredict() async throws {
        let root = try temporaryDirectory("intraday")
        defer { try? FileManager.default.removeItem(at: root) }
        let (sandbox, out, _) = try CLI.start(["sandbox", "--port", "0", "--synthetic", "42", "--market", "mean-reversion:0.9",
                                               "--fault", "partial:TCS:2024-03-06"], in: root)
        defer { sandbox.terminate() }
        let url = try await CLI.sandboxURL(out, sandbox)

        let data = ["--data-dir", root.path]
        let fetch = try await CLI.run(["fetch", "--symbols"] + Self.symbols + ["--start-date", "2023-12-01", "--end-date", "2025-01-10",
                                       "--interval", "5minute", "--provider", "sandbox", "--sandbox-url", url] + data, in: root)
        #expect(fetch.code == 0, "\(fetch.stdout)\n\(fetch.stderr)")

        let coverage = try await CLI.run(["coverage", "--symbols", "TCS", "INFY", "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                          "--interval", "5minute", "--strict"] + data, in: root)
        #expect(coverage.code != 0)
        #expect(coverage.stdout.contains("2024-03-06: 37 of 75 bars"), "\(coverage.stdout)")

        let train = try await CLI.run(["train", "--symbols"] + Self.symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                       "--interval", "5minute", "--workers", "2"] + data, in: root)
        #expect(train.code == 0, "\(train.stdout)\n\(train.stderr)")
        #expect(train.stdout.contains("preflight: 19 of 20 windows ready, 1 skipped"), "\(train.stdout)")
        #expect(train.stdout.contains("1 symbol has incomplete trading days in 2024-01-01..2024-06-29"), "\(train.stdout)")
        #expect(train.stdout.contains("sensequant fetch --symbols TCS"))
        #expect(train.stdout.contains("status completed: 19 trained, 1 skipped, 0 failed of 20 windows"), "\(train.stdout)")
        #expect(train.stdout.contains("evaluation: "), "\(train.stdout)")
        let batchId = try #require(train.stdout.split(separator: "\n").first { $0.hasPrefix("batch ") }?.split(separator: " ")[1]).description

        let ledger = try Ledger(root: DataRoot(path: root.path))
        let batch = try #require(try ledger.batch(id: batchId))
        #expect(try batch.decodedParameters().interval == .fiveMinute)
        let tcs = try ledger.windows(batchId: batchId).first { $0.symbol == "TCS" && $0.status == .skipped }
        #expect(tcs?.failureClass == .partialDay)
        // Predictions are per 5-minute bar: their times are IST timestamps.
        let predictions = try String(contentsOf: URL(fileURLWithPath: batch.batchDir).appendingPathComponent("evaluation/predictions.csv"), encoding: .utf8)
        let firstRow = predictions.split(separator: "\n").dropFirst().first ?? ""
        #expect(firstRow.contains(":00+05:30,"), "\(firstRow)")

        let predict = try await CLI.run(["predict", batchId, "--as-of", "2025-01-10", "--interval", "5minute", "--format", "csv"] + data, in: root)
        #expect(predict.code == 0, "\(predict.stdout)\n\(predict.stderr)")
        #expect(predict.stdout.split(separator: "\n").count == 1 + Self.symbols.count, "\(predict.stdout)")
        let wrong = try await CLI.run(["predict", batchId, "--interval", "1day"] + data, in: root)
        #expect(wrong.code == 2 && wrong.stderr.contains("trained on 5minute bars, not 1day"), "\(wrong.stderr)")

        let backtest = try await CLI.run(["backtest", batchId, "--top-k", "3"] + data, in: root)
        #expect(backtest.code == 0, "\(backtest.stdout)\n\(backtest.stderr)")
        #expect(backtest.stdout.contains("backtest: "), "\(backtest.stdout)")
    }
}
