import ArgumentParser
import Batch
import Foundation
import MarketData
import Reports

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List batches, or show one batch's counts, rates, duration and failures by class.")

    @Argument(help: "A batch id (default: list all batches).")
    var batchId: String?

    @OptionGroup var data: DataDirOption

    func run() throws {
        do {
            guard FileManager.default.fileExists(atPath: Ledger.url(in: data.root).path) else {
                if batchId != nil { throw ReportError.noLedger(path: Ledger.url(in: data.root).path) }
                print("no batches yet in \(data.root.url.path) (start one with: sensequant train ...)")
                return
            }
            let ledger = try openLedger(data.root)
            if let id = batchId {
                guard let batch = try ledger.batch(id: id) else {
                    throw ReportError.unknownBatch(id: id, ledgerPath: ledger.path.path)
                }
                print(try BatchStatusText.detail(batch, windows: ledger.windows(batchId: id), attempts: ledger.attempts(batchId: id)))
            } else {
                print(BatchStatusText.list(try ledger.batches()))
            }
        } catch {
            throw failCleanly(error)
        }
    }
}

enum BatchStatusText {
    /// A `running` batch whose process is gone was killed: show it as interrupted.
    static func effectiveStatus(_ b: BatchRecord) -> String {
        if b.status == .running, let pid = b.pid, kill(pid_t(pid), 0) != 0 { return "interrupted (killed)" }
        return b.status.rawValue
    }

    static func list(_ batches: [BatchRecord]) -> String {
        guard !batches.isEmpty else { return "no batches yet" }
        var rows = [["batch", "created", "status", "windows", "ok", "skipped", "failed", "duration"]]
        for b in batches {
            rows.append([b.id, b.createdAt.formatted(.iso8601), effectiveStatus(b), "\(b.total)",
                         "\(b.succeeded)", "\(b.skipped)", "\(b.failed)", String(format: "%.1fs", b.durationSeconds)])
        }
        return TextTable.render(rows)
    }

    static func detail(_ b: BatchRecord, windows: [WindowRecord], attempts: [AttemptRecord]) throws -> String {
        let p = try b.decodedParameters()
        var lines = [
            "batch \(b.id): \(effectiveStatus(b))",
            "  \(p.startDate)..\(p.endDate), \(p.windowDays)-day windows every \(p.stepDays) days, horizon \(p.forecastHorizon), \(b.decodedSymbols().count) symbols",
            "  windows \(b.total): \(b.succeeded) trained, \(b.skipped) skipped, \(b.failed) failed, \(windows.filter { $0.status == .pending || $0.status == .running }.count) not run",
            String(format: "  failure rate %.1f%% of attempted (threshold %.1f%%), %.1f%% of all windows",
                   b.failureRate * 100, p.maxFailureRate * 100, b.failureRateAllWindows * 100),
            String(format: "  duration %.2fs over %d run(s), %d workers, %d retries", b.durationSeconds, b.runs, b.workers, b.retries),
            "  directory \(b.batchDir)",
        ]
        let troubled = windows.filter { $0.status == .failed || $0.status == .skipped }
        let groups = Dictionary(grouping: troubled) { "\($0.status.rawValue) \($0.failureClass?.rawValue ?? "unknown")" }
        for key in groups.keys.sorted() {
            let ws = groups[key]!
            let symbols = Array(Set(ws.map(\.symbol))).sorted()
            lines.append("  \(key): \(ws.count) window(s), symbols \(symbols.joined(separator: ", "))")
            if let reason = ws.first?.reason { lines.append("    e.g. \(ws[0].label): \(reason)") }
            if let remedy = ws.first?.remedy { lines.append("    fix: \(remedy)") }
        }
        return lines.joined(separator: "\n")
    }
}
