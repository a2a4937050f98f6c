import Foundation
import Testing
@testable import Batch
import MarketData
import Synchronization

/// A trainer that fails by script and otherwise writes a tiny artifact.
struct ScriptedTraining: WindowTraining {
    /// Per label: the classes of the first attempts' failures.
    let script: [String: [FailureClass]]
    let counter = Counter()

    final class Counter: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func next(_ label: String) -> Int { counts.withLock { $0[label, default: 0] += 1; return $0[label]! } }
    }

    func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        let attempt = counter.next(window.label)
        if let failures = script[window.label], attempt <= failures.count {
            throw WindowFailure(failures[attempt - 1], "scripted \(failures[attempt - 1].rawValue) on attempt \(attempt)")
        }
        try AtomicFile.writeDirectory(at: directory) { tmp in
            try AtomicFile.write("model for \(window.label)", to: tmp.appendingPathComponent("model.txt"))
        }
        return WindowTrainingResult(metricsJSON: "{\"val_auc\":0.5}", sampleCountsJSON: "{\"total\":1}")
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sq-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct RunnerTests {
    func setUp(_ script: [String: [FailureClass]], workers: Int) async throws -> (Ledger, [WindowRecord], URL) {
        let dir = try temporaryDirectory()
        let ledger = try Ledger(path: dir.appendingPathComponent("state/ledger.sqlite"))
        let plan = WindowPlanner.plan(symbols: ["A", "B", "C"], start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
        let batch = BatchRecord(id: "batch_test", createdAt: Date(timeIntervalSince1970: 0), status: .running,
                                parameters: try BatchSession.encode(BatchParameters(startDate: day("2024-01-01"), endDate: day("2024-12-26"))),
                                symbols: "[\"A\",\"B\",\"C\"]", universe: nil, batchDir: dir.appendingPathComponent("models/x").path,
                                logPath: nil, total: plan.count, succeeded: 0, skipped: 0, failed: 0, retries: 0, workers: workers,
                                runs: 1, pid: nil, startedAt: nil, finishedAt: nil, durationSeconds: 0)
        let windows = plan.enumerated().map { WindowRecord(batchId: batch.id, ordinal: $0, window: $1) }
        try ledger.create(batch, windows: windows)
        let runner = BatchRunner(ledger: ledger, trainer: ScriptedTraining(script: script), workers: workers, maxAttempts: 3,
                                 backoff: Backoff(base: 0.001, maximum: 0.01), cancellation: CancellationFlag())
        try await runner.run(windows, bars: SymbolBars(windows: [:]) { _ in BarSeries() }, batchDir: URL(fileURLWithPath: batch.batchDir), run: 1)
        return (ledger, try ledger.windows(batchId: batch.id), dir)
    }

    @Test(arguments: [1, 3])
    func retriesOnlyRetryableClasses(workers: Int) async throws {
        let (ledger, windows, dir) = try await setUp([
            "A_2024-01-01_to_2024-06-29": [.transient],
            "B_2024-01-01_to_2024-06-29": [.modelError],
            "B_2024-06-29_to_2024-12-26": [.transient, .transient, .transient],
            "C_2024-01-01_to_2024-06-29": [.dataMissing],
        ], workers: workers)
        defer { try? FileManager.default.removeItem(at: dir) }
        let byLabel = Dictionary(uniqueKeysWithValues: windows.map { ($0.label, $0) })
        #expect(byLabel["A_2024-01-01_to_2024-06-29"]?.status == .success)
        #expect(byLabel["A_2024-01-01_to_2024-06-29"]?.attempts == 2)
        #expect(byLabel["B_2024-01-01_to_2024-06-29"]?.status == .failed)
        #expect(byLabel["B_2024-01-01_to_2024-06-29"]?.attempts == 1)
        #expect(byLabel["B_2024-01-01_to_2024-06-29"]?.failureClass == .modelError)
        // Three transient failures exhaust the attempt limit.
        #expect(byLabel["B_2024-06-29_to_2024-12-26"]?.status == .failed)
        #expect(byLabel["B_2024-06-29_to_2024-12-26"]?.attempts == 3)
        // A data class found during training is a skip, and never retried.
        #expect(byLabel["C_2024-01-01_to_2024-06-29"]?.status == .skipped)
        #expect(byLabel["C_2024-01-01_to_2024-06-29"]?.attempts == 1)
        #expect(byLabel["C_2024-06-29_to_2024-12-26"]?.status == .success)
        let attempts = try ledger.attempts(batchId: "batch_test")
        #expect(attempts.count == 6 + 1 + 2)
        #expect(attempts.filter { $0.label == "A_2024-01-01_to_2024-06-29" }.map(\.failureClass) == [.transient, nil])
        let model = URL(fileURLWithPath: byLabel["A_2024-06-29_to_2024-12-26"]!.artifactsPath!).appendingPathComponent("model.txt")
        #expect(FileManager.default.fileExists(atPath: model.path))
    }

    /// Every class but `transient` fails the same way again: one attempt, never retried.
    @Test(arguments: FailureClass.allCases)
    func onlyTransientFailuresAreRetried(failureClass: FailureClass) async throws {
        let label = "A_2024-01-01_to_2024-06-29"
        let (_, windows, dir) = try await setUp([label: [failureClass, failureClass, failureClass]], workers: 1)
        defer { try? FileManager.default.removeItem(at: dir) }
        let window = try #require(windows.first { $0.label == label })
        #expect(failureClass.isRetryable == (failureClass == .transient))
        #expect(window.attempts == (failureClass == .transient ? 3 : 1))
        #expect(window.status == (failureClass.isDataClass ? .skipped : .failed))
        #expect(window.failureClass == failureClass)
    }

    @Test func cancellationStopsStartingWindows() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try Ledger(path: dir.appendingPathComponent("ledger.sqlite"))
        let plan = WindowPlanner.plan(symbols: ["A", "B"], start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
        let batch = BatchRecord(id: "b", createdAt: Date(), status: .running, parameters: "{}", symbols: "[]", universe: nil,
                                batchDir: dir.path, logPath: nil, total: plan.count, succeeded: 0, skipped: 0, failed: 0,
                                retries: 0, workers: 1, runs: 1, pid: nil, startedAt: nil, finishedAt: nil, durationSeconds: 0)
        let windows = plan.enumerated().map { WindowRecord(batchId: "b", ordinal: $0, window: $1) }
        try ledger.create(batch, windows: windows)
        let flag = CancellationFlag()
        flag.cancel()
        try await BatchRunner(ledger: ledger, trainer: ScriptedTraining(script: [:]), workers: 1, maxAttempts: 3, cancellation: flag)
            .run(windows, bars: SymbolBars(windows: [:]) { _ in BarSeries() }, batchDir: dir, run: 1)
        #expect(try ledger.windows(batchId: "b").allSatisfy { $0.status == .pending })
    }
}
