import Foundation
import Testing

/// `train --log-format json`: every line on stdout is one JSON object a machine can follow.
@Suite struct LogFormatEndToEndTests {
    @Test func jsonLogLinesCoverTheBatchFromStartToFinish() async throws {
        let root = try temporaryDirectory("jsonlog")
        defer { try? FileManager.default.removeItem(at: root) }
        let made = try await CLI.run(["synthesize", "--symbols", "TCS", "SBIN", "--start-date", "2023-06-01", "--end-date", "2025-01-31",
                                      "--gap", "SBIN:2024-01-01..2024-12-31", "--data-dir", root.path], in: root)
        #expect(made.code == 0)
        let r = try await CLI.run(["train", "--symbols", "TCS", "SBIN", "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                   "--log-format", "json", "--data-dir", root.path], in: root)
        #expect(r.code == 0, "\(r.stderr)")
        let events = try r.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(events.first?["event"] as? String == "batch")
        #expect((events.first?["batch_id"] as? String)?.hasPrefix("batch_") == true)
        let preflight = try #require(events.first { $0["event"] as? String == "preflight" })
        #expect(preflight["ready"] as? Int == 2)
        #expect(preflight["skipped"] as? Int == 2)
        #expect(events.filter { $0["event"] as? String == "window" }.count == 2)
        let finished = try #require(events.first { $0["event"] as? String == "finished" })
        #expect(finished["status"] as? String == "completed")
        #expect(finished["succeeded"] as? Int == 2)
    }
}
