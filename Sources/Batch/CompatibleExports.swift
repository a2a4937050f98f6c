import Foundation
import MarketData

/// The original's files, derived from the ledger so downstream tools keep working:
/// `<batch_dir>/teacher_runs.json` (JSON Lines) and `<data>/state/teacher_batch.json`.
public enum CompatibleExports {
    public static func writeTeacherRuns(batch: BatchRecord, windows: [WindowRecord], hyperparameters: [String: String]) throws {
        var lines: [String] = []
        for w in windows where w.status == .success || w.status == .failed || w.status == .skipped {
            var record: [String: Any] = [
                "batch_id": batch.id,
                "symbol": w.symbol,
                "date_range": ["start": w.startDate, "end": w.endDate],
                "window_label": w.label,
                "artifacts_path": w.artifactsPath ?? NSNull(),
                "status": w.status.rawValue,
                "attempts": w.attempts,
                "teacher_hyperparameters": hyperparameters,
                "timestamp": w.finishedAt.map(iso8601) ?? NSNull(),
                "metrics": json(w.metrics) ?? NSNull(),
                "sample_counts": json(w.sampleCounts) ?? NSNull(),
            ]
            if w.status == .failed { record["error"] = w.reason ?? "" }
            if w.status == .skipped { record["skip_reason"] = w.reason ?? "" }
            if let c = w.failureClass { record["failure_class"] = c.rawValue }
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        let url = URL(fileURLWithPath: batch.batchDir).appendingPathComponent("teacher_runs.json")
        try AtomicFile.write(lines.map { $0 + "\n" }.joined(), to: url)
    }

    /// Updates this batch's entry in `teacher_batch.json`, keeping every other batch's history.
    public static func writeBatchState(batch: BatchRecord, windows: [WindowRecord], stateDir: URL) throws {
        let url = stateDir.appendingPathComponent("teacher_batch.json")
        var root: [String: Any] = [:]
        if let data = FileManager.default.contents(atPath: url.path),
           let existing = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            root = existing
        }
        var batches = root["batches"] as? [String: Any] ?? [:]
        let failedTasks: [[String: Any]] = windows.filter { $0.status == .failed }.map { w in
            ["task_id": w.label, "symbol": w.symbol, "window_label": w.label, "reason": w.reason ?? "",
             "attempts": w.attempts, "timestamp": w.finishedAt.map(iso8601) ?? NSNull()]
        }
        batches[batch.id] = [
            "status": batch.status.rawValue,
            "total_tasks": batch.total,
            "completed": batch.succeeded,
            "failed": batch.failed,
            "skipped": batch.skipped,
            "failed_tasks": failedTasks,
            "updated_at": iso8601(Date()),
        ]
        root["batches"] = batches
        let data = try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        try AtomicFile.write(Array(data), to: url)
    }

    static func json(_ text: String?) -> Any? {
        guard let text else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func iso8601(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
