import Batch
import Foundation
import MarketData
import PostgresLedger
import PostgresTestSupport
import Synchronization

func day(_ s: String) -> CalendarDay { CalendarDay(s)! }

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sq-pgl-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A batch planned for workers: `symbols.count` x 2 windows, all pending, no owning process.
func plannedBatch(id: String = "batch_pg", symbols: [String], batchDir: URL) throws -> (BatchRecord, [WindowRecord]) {
    let plan = WindowPlanner.plan(symbols: symbols, start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
    let parameters = try JSONEncoder().encode(BatchParameters(startDate: day("2024-01-01"), endDate: day("2024-12-26")))
    let batch = BatchRecord(id: id, createdAt: Date(timeIntervalSince1970: 1_700_000_000), status: .running,
                            parameters: String(decoding: parameters, as: UTF8.self),
                            symbols: String(decoding: try JSONEncoder().encode(symbols), as: UTF8.self), universe: nil,
                            batchDir: batchDir.path, logPath: nil, total: plan.count, succeeded: 0, skipped: 0, failed: 0,
                            retries: 0, workers: 1, runs: 1, pid: nil, startedAt: nil, finishedAt: nil, durationSeconds: 0)
    try FileManager.default.createDirectory(at: batchDir, withIntermediateDirectories: true)
    return (batch, plan.enumerated().map { WindowRecord(batchId: id, ordinal: $0, window: $1) })
}

/// A fresh database on a fresh cluster, its ledger open.
func withLedger<T>(_ body: (PostgresLedger, TestCluster, String) async throws -> T) async throws -> T {
    try await withTestCluster { cluster in
        let url = try await cluster.createDatabase("ledger")
        let ledger = try PostgresLedger(url: try LedgerURL(parsing: url))
        return try await body(ledger, cluster, url)
    }
}

/// Fails by script, otherwise writes a one-file artifact naming the window.
struct ScriptedTraining: WindowTraining {
    let script: [String: [FailureClass]]
    let counts = Counter()

    init(script: [String: [FailureClass]] = [:]) { self.script = script }

    final class Counter: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func next(_ label: String) -> Int { counts.withLock { $0[label, default: 0] += 1; return $0[label]! } }
    }

    func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        let attempt = counts.next(window.label)
        if let failures = script[window.label], attempt <= failures.count {
            throw WindowFailure(failures[attempt - 1], "scripted \(failures[attempt - 1].rawValue) on attempt \(attempt)")
        }
        try AtomicFile.writeDirectory(at: directory) { tmp in
            try AtomicFile.write("model for \(window.label)", to: tmp.appendingPathComponent("model.txt"))
        }
        return WindowTrainingResult(metricsJSON: "{\"val_auc\":0.5}", sampleCountsJSON: "{\"total\":1}")
    }
}

func attempt(_ w: WindowRecord, _ n: Int, _ failure: FailureClass? = nil) -> AttemptRecord {
    AttemptRecord(batchId: w.batchId, label: w.label, attempt: n, run: 1, failureClass: failure, reason: failure.map(\.rawValue),
                  durationSeconds: 0.01, startedAt: Date())
}

func succeeded(_ w: WindowRecord, artifacts: String? = nil) -> WindowRecord {
    var w = w
    w.status = .success
    w.attempts += 1
    w.metrics = "{\"val_auc\":0.5}"
    w.artifactsPath = artifacts
    w.finishedAt = Date()
    return w
}

/// Labels collected from several threads.
final class Labels: Sendable {
    private let all = Mutex<[String]>([])
    func append(_ label: String) { all.withLock { $0.append(label) } }
    var values: [String] { all.withLock { $0 } }
}
