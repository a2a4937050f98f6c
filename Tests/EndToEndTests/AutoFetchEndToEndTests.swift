import Foundation
import Testing
import Batch
import MarketData

/// `train --auto-fetch` against a real `sensequant sandbox` process on 127.0.0.1.
@Suite(.serialized) struct AutoFetchEndToEndTests {
    @Test func missingDataIsFetchedBeforeTrainingAndNothingIsSkipped() async throws {
        let root = try temporaryDirectory("autofetch")
        defer { try? FileManager.default.removeItem(at: root) }
        let symbols = ["TCS", "INFY", "SBIN"]
        let made = try await CLI.run(["synthesize", "--symbols"] + symbols + ["--start-date", "2023-06-01", "--end-date", "2025-01-31",
                                "--gap", "SBIN:2024-01-01..2024-12-31", "--data-dir", root.path], in: root)
        #expect(made.code == 0)

        let (sandbox, out, _) = try CLI.start(["sandbox", "--port", "0", "--synthetic", "42"], in: root)
        defer { sandbox.terminate() }
        let sandboxURL = try await CLI.sandboxURL(out, sandbox)
        #expect(sandboxURL.hasPrefix("http://127.0.0.1:"))

        let r = try await CLI.run(["train", "--symbols"] + symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                             "--auto-fetch", "--provider", "sandbox", "--sandbox-url", sandboxURL, "--data-dir", root.path], in: root)
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("auto-fetch: SBIN "))
        #expect(r.stdout.contains("preflight: 6 of 6 windows ready, 0 skipped"))
        #expect(r.stdout.contains("status completed: 6 trained, 0 skipped, 0 failed of 6 windows"))
        let coverage = try await CLI.run(["coverage", "--symbols", "SBIN", "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                    "--strict", "--data-dir", root.path], in: root)
        #expect(coverage.code == 0, "\(coverage.stdout)")
    }
}
