import Foundation
import Testing
import Batch
import MarketData

/// `sensequant demo` end to end on a smaller universe (the default is all of NIFTY 100).
@Suite(.serialized) struct DemoEndToEndTests {
    @Test func demoRunsThePipelineAndItsReportCountsMatch() async throws {
        let dir = try temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("demo-data")
        let symbols = ["RELIANCE", "TCS", "INFY", "SBIN", "WIPRO", "ITC"]
        let r = try await CLI.run(["demo", "--symbols"] + symbols + ["--data-dir", data.path], in: dir)
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        for step in ["[1/6] Breeze sandbox", "[2/6] fetch 6 symbols", "[3/6] coverage", "[4/6] train", "[5/6] backtest", "[6/6] summary"] {
            #expect(r.stdout.contains(step))
        }
        #expect(r.stdout.contains("planted: no 2024 bars for SBIN, WIPRO"))
        #expect(r.stdout.contains("4 of 6 symbols complete"))
        #expect(r.stdout.contains("2 symbols have no data in 2024-01-01..2024-12-26 (4 windows skipped): SBIN, WIPRO"))

        let id = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("batch batch_") }.map { String($0.dropFirst(6)) })
        let ledger = try Ledger(root: DataRoot(url: data))
        let batch = try #require(try ledger.batch(id: id))
        #expect((batch.total, batch.succeeded, batch.skipped, batch.failed) == (12, 8, 4, 0))
        #expect(batch.status == .completed)

        // The report the demo points to says the same as the ledger.
        let reportJSON = try Data(contentsOf: URL(fileURLWithPath: batch.batchDir).appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: reportJSON) as? [String: Any])
        #expect(report["batchId"] as? String == id)
        let counts = try #require(report["counts"] as? [String: Any])
        #expect(counts["total"] as? Int == 12)
        #expect(counts["succeeded"] as? Int == 8)
        #expect(counts["skipped"] as? Int == 4)
        #expect(counts["failed"] as? Int == 0)
        let html = URL(fileURLWithPath: batch.batchDir).appendingPathComponent("report.html")
        #expect(r.stdout.contains("report: \(html.path)"))
        #expect(FileManager.default.fileExists(atPath: html.path))
        let markdown = try String(contentsOf: URL(fileURLWithPath: batch.batchDir).appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("SBIN"))
        #expect(markdown.contains("WIPRO"))

        // A second run reuses the fetched bars: only the planted-empty days are asked again.
        let again = try await CLI.run(["demo", "--symbols"] + symbols + ["--data-dir", data.path], in: dir)
        #expect(again.code == 0)
        #expect(again.stdout.contains("symbol-days were already in the cache (reused)"))
    }
}
