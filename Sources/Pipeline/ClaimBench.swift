import Batch
import Foundation
import MarketData
import PostgresLedger

/// The shared ledger's own cost per window, without training: claim the next window, then
/// record its success and end the claim, one window after another from one thread. What a
/// worker adds to each window's training time (`make bench-distributed`).
public enum ClaimBench {
    public struct Result: Sendable {
        public var windows: Int
        public var claimMilliseconds: Double
        public var finishMilliseconds: Double
        public var perWindowMilliseconds: Double { claimMilliseconds + finishMilliseconds }
    }

    public static func run(_ choice: LedgerChoice, windows: Int) throws -> Result {
        let ledger = try LedgerAccess.shared(choice)
        let id = "bench_claims_\(UUID().uuidString.prefix(8).lowercased())"
        let symbols = (0..<max(1, windows / 2)).map { "BENCH\($0)" }
        let plan = WindowPlanner.plan(symbols: symbols, start: CalendarDay("2024-01-01")!, end: CalendarDay("2024-12-26")!, windowDays: 180)
        let batch = BatchRecord(id: id, createdAt: Date(), status: .running, parameters: "{}", symbols: "[]", universe: nil,
                                batchDir: FileManager.default.temporaryDirectory.path, logPath: nil, total: plan.count,
                                succeeded: 0, skipped: 0, failed: 0, retries: 0, workers: 1, runs: 1, pid: nil,
                                startedAt: nil, finishedAt: nil, durationSeconds: 0)
        try ledger.create(batch, windows: plan.enumerated().map { WindowRecord(batchId: id, ordinal: $0, window: $1) })
        defer { try? ledger.remove(batchId: id) }
        var claiming = Duration.zero, finishing = Duration.zero, count = 0
        while true {
            let t0 = ContinuousClock.now
            guard let claim = try ledger.claim(batchId: id, owner: "bench", leaseSeconds: 60) else { break }
            let t1 = ContinuousClock.now
            var w = claim.window
            w.status = .success
            w.attempts = 1
            w.metrics = "{}"
            w.finishedAt = Date()
            let a = AttemptRecord(batchId: id, label: w.label, attempt: 1, run: 1, failureClass: nil, reason: nil,
                                  durationSeconds: 0, startedAt: Date())
            _ = try ledger.finish(a, window: w, claim: claim.token) {}
            finishing += ContinuousClock.now - t1
            claiming += t1 - t0
            count += 1
        }
        let n = Double(max(1, count))
        return Result(windows: count, claimMilliseconds: claiming.inSeconds * 1000 / n, finishMilliseconds: finishing.inSeconds * 1000 / n)
    }
}
