import Foundation
import Testing
import Batch
import MarketData

/// `--strict-preflight` stops before training; `--no-preflight` lets the teacher find the gaps.
@Suite(.serialized) struct PreflightModesEndToEndTests {
    func market(_ name: String) async throws -> URL {
        let root = try temporaryDirectory(name)
        let r = try await CLI.run(["synthesize", "--symbols", "TCS", "SBIN", "--start-date", "2023-06-01", "--end-date", "2025-01-31",
                                   "--gap", "SBIN:2024-01-01..2024-12-31", "--data-dir", root.path], in: root)
        guard r.code == 0 else { throw CLIError(message: r.stderr) }
        return root
    }

    func train(_ root: URL, _ extra: [String]) async throws -> CLI.Result {
        try await CLI.run(["train", "--symbols", "TCS", "SBIN", "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                           "--data-dir", root.path] + extra, in: root)
    }

    @Test func strictPreflightStopsBeforeTrainingAndTheBatchIsResumable() async throws {
        let root = try await market("strict")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try await train(root, ["--strict-preflight"])
        #expect(r.code == 1)
        #expect(r.stdout.contains("1 symbol has no data in 2024-01-01..2024-12-26 (2 windows skipped): SBIN"))
        #expect(r.stdout.contains("strict preflight: stopping before training"))
        #expect(!r.stdout.contains("training "))
        let id = try #require(batchId(from: r.stdout))
        let ledger = try Ledger(root: DataRoot(url: root))
        let batch = try #require(try ledger.batch(id: id))
        #expect(batch.status == .failed)
        #expect((batch.succeeded, batch.skipped, batch.failed) == (0, 2, 0))
        #expect(try ledger.windows(batchId: id).filter { $0.status == .pending }.count == 2)
        #expect(try ledger.attempts(batchId: id).isEmpty)
    }

    @Test func withoutPreflightTheTeachersDataErrorsAreSkipsNeverRetried() async throws {
        let root = try await market("nopreflight")
        defer { try? FileManager.default.removeItem(at: root) }
        let r = try await train(root, ["--no-preflight"])
        #expect(r.code == 0, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("preflight: off (--no-preflight); 4 windows go straight to training"))
        #expect(r.stdout.contains("status completed: 2 trained, 2 skipped, 0 failed of 4 windows; 0 retries"))
        let id = try #require(batchId(from: r.stdout))
        let sbin = try Ledger(root: DataRoot(url: root)).windows(batchId: id).filter { $0.symbol == "SBIN" }
        #expect(sbin.count == 2)
        #expect(sbin.allSatisfy { $0.status == .skipped && $0.failureClass == .dataMissing && $0.attempts == 1 })
        #expect(sbin.allSatisfy { $0.reason?.hasPrefix("No data returned for SBIN") == true })
    }
}
