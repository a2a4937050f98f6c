import Batch
import Foundation
import MarketData
import PostgresLedger
import Reports

/// Opening the batch ledger a command was pointed at, with errors that name it and the fix.
public enum LedgerAccess {
    /// The ledger, created (or migrated) when missing.
    public static func open(_ root: DataRoot, _ choice: LedgerChoice = .local) throws -> any LedgerStore {
        if let url = choice.url { return try PostgresLedger(url: url) }
        let path = Ledger.url(in: root).path
        do {
            return try Ledger(root: root)
        } catch {
            throw RequestError.input("cannot open the batch ledger \(path): \(error)",
                             fix: "restore it from a backup, or move it aside (the next batch starts a new one); pass the right --data-dir if this is not it")
        }
    }

    /// The ledger, which must already exist (a server is always there to be asked).
    public static func existing(_ root: DataRoot, _ choice: LedgerChoice = .local) throws -> any LedgerStore {
        guard exists(root, choice) else { throw ReportError.noLedger(path: Ledger.url(in: root).path) }
        return try open(root, choice)
    }

    public static func exists(_ root: DataRoot, _ choice: LedgerChoice = .local) -> Bool {
        choice.url != nil || FileManager.default.fileExists(atPath: Ledger.url(in: root).path)
    }

    /// The shared ledger workers claim windows from: PostgreSQL only.
    public static func shared(_ choice: LedgerChoice) throws -> PostgresLedger {
        guard let url = choice.url else {
            throw RequestError.usage("workers need a shared ledger: pass --ledger postgresql://USER@HOST:PORT/DB (or set SENSEQUANT_LEDGER)",
                                     fix: "see docs/distributed.md; on one machine, `train` alone trains in parallel with --workers")
        }
        return try PostgresLedger(url: url)
    }
}
