import Foundation
import Testing
import Batch
import MarketData

/// The batch trainer, run as a user runs it: the built binary on a synthetic cache.
/// Serialized: each test already keeps both cores busy.
@Suite(.serialized) struct TrainEndToEndTests {
    /// The seed report's run (baseline for the comparisons below), made once.
    struct Run: Sendable { var root: URL; var id: String; var stdout: String; var code: Int32 }

    static let baseline = Once<Run> {
        let (root, file) = try await SeedMarket.dataRoot("baseline")
        let r = try await CLI.run(SeedMarket.trainArgs(root, file, workers: 2), in: root)
        guard let id = batchId(from: r.stdout) else { throw CLIError(message: "no batch id in: \(r.stdout)\n\(r.stderr)") }
        return Run(root: root, id: id, stdout: r.stdout, code: r.code)
    }

    @Test func theSeedScenarioSkipsTheEightSymbolsBeforeTrainingAndCompletes() async throws {
        let run = try await Self.baseline.value()
        #expect(run.code == 0)
        let missing = SeedMarket.missing
        #expect(run.stdout.contains("preflight: 176 of 192 windows ready, 16 skipped"))
        #expect(run.stdout.contains("8 symbols have no data in 2024-01-01..2024-12-26 (16 windows skipped): \(missing.joined(separator: ", ")) — run: sensequant fetch --symbols \(missing.joined(separator: " ")) --start-date "))
        #expect(run.stdout.contains("status completed: 176 trained, 16 skipped, 0 failed of 192 windows; 0 retries"))

        let ledger = try Ledger(root: DataRoot(url: run.root))
        let batch = try #require(try ledger.batch(id: run.id))
        #expect(batch.status == .completed)
        #expect((batch.total, batch.succeeded, batch.skipped, batch.failed, batch.retries) == (192, 176, 16, 0, 0))
        let windows = try ledger.windows(batchId: run.id)
        let skipped = windows.filter { $0.status == .skipped }
        #expect(Set(skipped.map(\.symbol)) == Set(missing))
        #expect(skipped.allSatisfy { $0.failureClass == .dataMissing && $0.attempts == 0 })
        #expect(skipped.allSatisfy { $0.reason?.hasPrefix("No data returned for \($0.symbol)") == true })
        // Only windows that trained were attempted, each exactly once.
        #expect(try ledger.attempts(batchId: run.id).count == 176)

        let runs = try String(contentsOfFile: batch.batchDir + "/teacher_runs.json", encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(runs.count == 192)
        #expect(runs.filter { $0["status"] as? String == "success" }.count == 176)
        #expect(runs.filter { $0["status"] as? String == "skipped" }.allSatisfy { ($0["skip_reason"] as? String)?.hasPrefix("No data returned") == true })
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: run.root.appendingPathComponent("state/teacher_batch.json"))) as! [String: Any]
        let entry = (state["batches"] as! [String: Any])[run.id] as! [String: Any]
        #expect(entry["status"] as? String == "completed")
        #expect(entry["completed"] as? Int == 176)
        #expect(entry["total_tasks"] as? Int == 192)
    }

    @Test(arguments: [1, 4])
    func resultsAreIdenticalForAnyWorkerCount(workers: Int) async throws {
        let base = try await Self.baseline.value()
        let (root, file) = try await SeedMarket.dataRoot("workers\(workers)")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try await CLI.run(SeedMarket.trainArgs(root, file, workers: workers), in: root)
        #expect(r.code == 0)
        let id = try #require(batchId(from: r.stdout))
        let expected = try BatchOutcome.read(root: base.root, batchId: base.id)
        let got = try BatchOutcome.read(root: root, batchId: id)
        #expect(got.windows.count == 192)
        #expect(got.windows.filter { $0.model != nil }.count == 176)
        #expect(got == expected)
    }

    @Test func aBatchKilledMidRunResumesToTheSameResults() async throws {
        let base = try await Self.baseline.value()
        let (root, file) = try await SeedMarket.dataRoot("killed")
        defer { try? FileManager.default.removeItem(at: root) }
        let (process, out, _) = try CLI.start(SeedMarket.trainArgs(root, file, workers: 1), in: root)
        let ledgerPath = root.appendingPathComponent("state/ledger.sqlite")
        let deadline = Date().addingTimeInterval(120)
        var id: String?
        while process.isRunning && Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            if id == nil { id = batchId(from: (try? String(contentsOf: out, encoding: .utf8)) ?? "") }
            if let id, FileManager.default.fileExists(atPath: ledgerPath.path),
               let windows = try? Ledger(path: ledgerPath).windows(batchId: id),
               windows.filter({ $0.status == .success }).count >= 40 {
                break
            }
        }
        #expect(process.isRunning, "the batch finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        await CLI.waitForExit(process)
        let batchId = try #require(id)
        let killed = try Ledger(path: ledgerPath)
        let partial = try killed.windows(batchId: batchId).filter { $0.status == .success }.count
        #expect(partial >= 40 && partial < 176)
        #expect(try killed.batch(id: batchId)?.status == .running)
        let status = try await CLI.run(["status", "--data-dir", root.path], in: root)
        #expect(status.stdout.contains("interrupted (killed)"))

        let resumed = try await CLI.run(["train", "--resume", batchId, "--workers", "2", "--data-dir", root.path], in: root)
        #expect(resumed.code == 0, "\(resumed.stdout)\n\(resumed.stderr)")
        #expect(resumed.stdout.hasPrefix("batch \(batchId)\n"))
        // Everything that did not succeed is rerun: the killed run's remainder and the 16 skips.
        #expect(resumed.stdout.contains("preflight: \(176 - partial) of \(192 - partial) windows ready, 16 skipped"))
        let batch = try #require(try killed.batch(id: batchId))
        #expect(batch.status == .completed)
        #expect(batch.runs == 2)
        let expected = try BatchOutcome.read(root: base.root, batchId: base.id)
        #expect(try BatchOutcome.read(root: root, batchId: batchId) == expected)
    }
}
