import Batch
import Foundation

/// Which ledger a command reads and writes: the SQLite file under the data root (the default),
/// or a PostgreSQL server named by `--ledger` / `SENSEQUANT_LEDGER`. The password comes from the
/// URL, `--ledger-password-file` / `SENSEQUANT_LEDGER_PASSWORD_FILE`, or `PGPASSWORD`, in that
/// order; it is never printed.
public struct LedgerChoice: Sendable {
    /// nil: the SQLite ledger under the data root.
    public var url: LedgerURL?

    public static let local = LedgerChoice(url: nil)

    public init(url: LedgerURL?) { self.url = url }

    /// `ledger` is the flag's value (nil: not given); `environment` supplies the variables.
    public static func resolve(ledger: String?, passwordFile: String?, environment: [String: String]) throws -> LedgerChoice {
        guard let text = ledger ?? environment["SENSEQUANT_LEDGER"].flatMap({ $0.isEmpty ? nil : $0 }) else { return .local }
        let parsed: LedgerURL
        do { parsed = try LedgerURL(parsing: text) } catch { throw RequestError.usage(String(describing: error)) }
        if let file = passwordFile ?? environment["SENSEQUANT_LEDGER_PASSWORD_FILE"] {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RequestError.usage("cannot read the ledger password file \(file)", fix: "pass a readable file holding only the password")
            }
            let password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
            return LedgerChoice(url: parsed.withPassword(password))
        }
        return LedgerChoice(url: parsed.withPassword(environment["PGPASSWORD"]))
    }
}
