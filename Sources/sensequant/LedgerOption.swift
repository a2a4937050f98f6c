import ArgumentParser
import Foundation
import Pipeline

/// `--ledger URL` / `SENSEQUANT_LEDGER`: the batch ledger on a PostgreSQL server instead of the
/// SQLite file under the data root.
struct LedgerOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A shared ledger on PostgreSQL: postgresql://USER@HOST[:PORT]/DB[?sslmode=MODE] (default: $SENSEQUANT_LEDGER, else the SQLite ledger under --data-dir).",
        valueName: "url"))
    var ledger: String?

    @Option(name: .long, help: ArgumentHelp(
        "A file holding the ledger's password (default: $SENSEQUANT_LEDGER_PASSWORD_FILE, else $PGPASSWORD).",
        valueName: "file"))
    var ledgerPasswordFile: String?

    func choice() throws -> LedgerChoice {
        try LedgerChoice.resolve(ledger: ledger, passwordFile: ledgerPasswordFile, environment: ProcessInfo.processInfo.environment)
    }
}
