import Foundation
import Testing
import Batch
import MarketData

/// Retries, failure threshold, exit codes, interrupts and usage errors, with the built binary.
@Suite(.serialized) struct FailurePolicyEndToEndTests {
    static let symbols = ["TCS", "INFY", "ITC", "LT", "HCLTECH", "TITAN", "MARUTI", "CIPLA", "DRREDDY", "BEL"]

    func smallMarket(_ name: String) async throws -> URL {
        let root = try temporaryDirectory(name)
        let r = try await CLI.run(["synthesize", "--symbols"] + Self.symbols + ["--start-date", "2023-06-01", "--end-date", "2025-01-31",
                             "--data-dir", root.path], in: root)
        guard r.code == 0 else { throw CLIError(message: r.stderr) }
        return root
    }

    func train(_ root: URL, _ extra: [String]) async throws -> CLI.Result {
        try await CLI.run(["train", "--symbols"] + Self.symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                     "--workers", "2", "--retry-base-delay", "0.01", "--data-dir", root.path] + extra, in: root)
    }

    @Test func transientIsRetriedAndModelErrorIsNotAndTheThresholdDecidesTheExit() async throws {
        let root = try await smallMarket("faults")
        defer { try? FileManager.default.removeItem(at: root) }
        let flaky = "TCS_2024-01-01_to_2024-06-29", broken = "INFY_2024-06-29_to_2024-12-26"
        let r = try await train(root, ["--inject-fault", "transient:\(flaky):1", "--inject-fault", "modelError:\(broken)"])
        // 1 failed of 20 attempted = 5% <= 15%: partial, exit 0.
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("status partial: 19 trained, 0 skipped, 1 failed of 20 windows; 1 retries"))
        let id = try #require(batchId(from: r.stdout))
        let ledger = try Ledger(root: DataRoot(url: root))
        let windows = Dictionary(uniqueKeysWithValues: try ledger.windows(batchId: id).map { ($0.label, $0) })
        #expect(windows[flaky]?.status == .success)
        #expect(windows[flaky]?.attempts == 2)
        #expect(windows[broken]?.status == .failed)
        #expect(windows[broken]?.failureClass == .modelError)
        #expect(windows[broken]?.attempts == 1)

        let strict = try await train(root, ["--inject-fault", "modelError:\(broken)", "--max-failure-rate", "0.01"])
        #expect(strict.code == 1)
        #expect(strict.stdout.contains("status failed: 19 trained, 0 skipped, 1 failed of 20 windows"))

        // The resume reruns exactly the failed window (no fault this time) and completes.
        let strictId = try #require(batchId(from: strict.stdout))
        let resumed = try await CLI.run(["train", "--resume", strictId, "--workers", "1", "--data-dir", root.path], in: root)
        #expect(resumed.code == 0)
        #expect(resumed.stdout.contains("preflight: 1 of 1 windows ready, 0 skipped"))
        #expect(resumed.stdout.contains("status completed: 20 trained, 0 skipped, 0 failed of 20 windows"))
    }

    @Test func sigtermInterruptsCleanlyAndResumeFinishes() async throws {
        let root = try await smallMarket("interrupt")
        defer { try? FileManager.default.removeItem(at: root) }
        let (p, out, _) = try CLI.start(["train", "--symbols"] + Self.symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                         "--window-days", "30", "--workers", "1", "--data-dir", root.path], in: root)
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
            if ((try? String(contentsOf: out, encoding: .utf8)) ?? "").contains("training ") { break }
        }
        try await Task.sleep(for: .milliseconds(300))
        kill(p.processIdentifier, SIGTERM)
        await CLI.waitForExit(p)
        let stdout = try String(contentsOf: out, encoding: .utf8)
        #expect(p.terminationStatus == 130, "\(stdout)")
        #expect(stdout.contains("status interrupted"))
        let id = try #require(batchId(from: stdout))
        let ledger = try Ledger(root: DataRoot(url: root))
        #expect(try ledger.batch(id: id)?.status == .interrupted)
        #expect(try ledger.windows(batchId: id).contains { $0.status == .pending })
        let resumed = try await CLI.run(["train", "--resume", id, "--data-dir", root.path], in: root)
        #expect(resumed.code == 0)
        #expect(try ledger.batch(id: id)?.status == .completed)
    }

    @Test func usageErrorsExitTwo() async throws {
        let root = try temporaryDirectory("usage")
        defer { try? FileManager.default.removeItem(at: root) }
        let noDates = try await CLI.run(["train", "--symbols", "TCS", "--data-dir", root.path], in: root)
        #expect(noDates.code == 2)
        #expect(noDates.stderr.contains("--start-date and --end-date are required"))
        let badDate = try await CLI.run(["train", "--symbols", "TCS", "--start-date", "2024-13-01", "--end-date", "2024-12-26"], in: root)
        #expect(badDate.code == 2)
    }

    @Test func resumeWithConflictingFlagsIsAUsageError() async throws {
        let root = try await smallMarket("conflict")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await train(root, ["--inject-fault", "modelError:TCS_2024-01-01_to_2024-06-29"])
        let id = try #require(batchId(from: first.stdout))
        let r = try await CLI.run(["train", "--resume", id, "--window-days", "90", "--data-dir", root.path], in: root)
        #expect(r.code == 2)
        #expect(r.stderr.contains("--window-days 90 conflicts with the recorded 180"))
    }
}
