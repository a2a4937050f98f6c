import Batch
import Evaluation
import Foundation
import MarketData

/// Loads a batch's report from the ledger and writes it out.
public enum ReportWriter {
    /// The report of `batchId`, computed from `ledger`. `dataDirectory` is what the resume
    /// command will say after `--data-dir`; by default the ledger's data root
    /// (`<data-dir>/state/ledger.sqlite`).
    public static func model(batchId: String, ledger: any LedgerStore, dataDirectory: String? = nil) throws -> ReportModel {
        guard let batch = try ledger.batch(id: batchId) else {
            throw ReportError.unknownBatch(id: batchId, ledgerPath: ledger.location, dataDir: dataDirectory)
        }
        return ReportModelBuilder.build(
            batch: batch, windows: try ledger.windows(batchId: batchId), attempts: try ledger.attempts(batchId: batchId),
            ledgerPath: ledger.location,
            dataDirectory: dataDirectory ?? (ledger as? Ledger)?.path.deletingLastPathComponent().deletingLastPathComponent().path ?? "",
            evaluation: try ledger.evaluation(batchId: batchId).flatMap { try? JSONDecoder().decode(EvaluationSummary.self, from: Data($0.summary.utf8)) },
            backtest: BacktestLink.read(batchDir: batch.batchDir))
    }

    /// Writes report.md, report.html and report.json into `batchDir`, each atomically (a reader
    /// sees the old file or the new one, never half). Call when a batch ends, interrupted or not.
    /// Returns the three files' URLs in that order.
    @discardableResult
    public static func writeAll(batchId: String, ledger: any LedgerStore, to batchDir: URL, dataDirectory: String? = nil) throws -> [URL] {
        let report = try model(batchId: batchId, ledger: ledger, dataDirectory: dataDirectory)
        return try ReportFormat.allCases.map { format in
            let url = batchDir.appendingPathComponent(format.fileName)
            try AtomicFile.write(try format.render(report), to: url)
            return url
        }
    }

    /// Opens the ledger under `root` for reading a report, without creating one where none exists.
    public static func openLedger(root: DataRoot) throws -> Ledger {
        let url = Ledger.url(in: root)
        guard FileManager.default.fileExists(atPath: url.path) else { throw ReportError.noLedger(path: url.path) }
        return try Ledger(path: url)
    }
}
