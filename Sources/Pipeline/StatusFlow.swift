import Batch
import Foundation
import MarketData
import Reports

/// `sensequant status`: every batch of a data root, or one batch in detail.
public enum StatusFlow {
    public static func text(root: DataRoot, batchId: String?, ledger choice: LedgerChoice = .local) throws -> String {
        guard LedgerAccess.exists(root, choice) else {
            if batchId != nil { throw ReportError.noLedger(path: Ledger.url(in: root).path) }
            return "no batches yet in \(root.url.path) (a train run starts one)"
        }
        let ledger = try LedgerAccess.open(root, choice)
        guard let id = batchId else { return BatchStatusText.list(try ledger.batches()) }
        guard let batch = try ledger.batch(id: id) else {
            throw ReportError.unknownBatch(id: id, ledgerPath: ledger.location, dataDir: root.dataDirArgument)
        }
        return try BatchStatusText.detail(batch, windows: ledger.windows(batchId: id), attempts: ledger.attempts(batchId: id),
                                          evaluation: ledger.evaluation(batchId: id), dataDir: root.dataDirArgument)
    }
}
