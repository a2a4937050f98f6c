import Batch
import Foundation
import MarketData
import Reports

/// Opening the batch ledger of a data root, with errors that name the file and the fix.
public enum LedgerAccess {
    /// The ledger under `root`, created when missing.
    public static func open(_ root: DataRoot) throws -> Ledger {
        let path = Ledger.url(in: root).path
        do {
            return try Ledger(root: root)
        } catch {
            throw RequestError.input("cannot open the batch ledger \(path): \(error)",
                             fix: "restore it from a backup, or move it aside (the next batch starts a new one); pass the right --data-dir if this is not it")
        }
    }

    /// The ledger under `root`, which must already exist.
    public static func existing(_ root: DataRoot) throws -> Ledger {
        guard exists(root) else { throw ReportError.noLedger(path: Ledger.url(in: root).path) }
        return try open(root)
    }

    public static func exists(_ root: DataRoot) -> Bool {
        FileManager.default.fileExists(atPath: Ledger.url(in: root).path)
    }
}
