import Batch
import Foundation
import MarketData

/// `sensequant status`: the batches of a ledger as a table, or one batch in detail.
public enum BatchStatusText {
    /// A `running` batch whose process is gone was killed: shown as interrupted.
    static func effectiveStatus(_ b: BatchRecord) -> String {
        b.wasKilled ? "interrupted (killed)" : b.status.rawValue
    }

    public static func list(_ batches: [BatchRecord]) -> String {
        guard !batches.isEmpty else { return "no batches yet" }
        var rows = [["batch", "created", "status", "windows", "ok", "skipped", "failed", "duration"]]
        for b in batches {
            rows.append([b.id, b.createdAt.formatted(.iso8601), effectiveStatus(b), "\(b.total)",
                         "\(b.succeeded)", "\(b.skipped)", "\(b.failed)", String(format: "%.1fs", b.durationSeconds)])
        }
        return TextTable.render(rows)
    }

    public static func detail(_ b: BatchRecord, windows: [WindowRecord], attempts: [AttemptRecord],
                              evaluation: EvaluationRecord? = nil, dataDir: String? = nil) throws -> String {
        let p = try b.decodedParameters()
        var lines = [
            "batch \(b.id): \(effectiveStatus(b))",
            "  \(p.startDate)..\(p.endDate), \(p.windowDays)-day windows every \(p.stepDays) days, horizon \(p.forecastHorizon), \(b.decodedSymbols().count) symbols",
            "  windows \(b.total): \(b.succeeded) trained, \(b.skipped) skipped, \(b.failed) failed, \(windows.filter { $0.status == .pending || $0.status == .running }.count) not run",
            String(format: "  failure rate %.1f%% of attempted (threshold %.1f%%), %.1f%% of all windows",
                   b.failureRate * 100, p.maxFailureRate * 100, b.failureRateAllWindows * 100),
            String(format: "  duration %.2fs over %d run(s), %d workers, %d retries", b.durationSeconds, b.runs, b.workers, b.retries),
            "  directory \(b.batchDir)",
            evaluation.map { e in
                let promoted = e.decodedPromoted()
                return "  out of sample: \(e.verdict); \(promoted.count) symbol(s) promoted" + (promoted.isEmpty ? "" : " (\(promoted.joined(separator: ", ")))")
            } ?? "  out of sample: not evaluated yet (\(RemedyText.render(.evaluate(batchId: b.id, dataDir: dataDir))))",
        ]
        let troubled = windows.filter { $0.status == .failed || $0.status == .skipped }
        let groups = Dictionary(grouping: troubled) { "\($0.status.rawValue) \($0.failureClass?.rawValue ?? "unknown")" }
        for key in groups.keys.sorted() {
            let ws = groups[key]!
            let symbols = Array(Set(ws.map(\.symbol))).sorted()
            lines.append("  \(key): \(ws.count) window(s), symbols \(symbols.joined(separator: ", "))")
            if let reason = ws.first?.reason { lines.append("    e.g. \(ws[0].label): \(reason)") }
            if let remedy = ws.first?.remedy { lines.append("    fix: \(RemedyText.render(remedy))") }
        }
        return lines.joined(separator: "\n")
    }
}
