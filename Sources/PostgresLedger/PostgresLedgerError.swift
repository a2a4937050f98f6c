import Batch
import Foundation
import MarketData
import PostgresNIO

/// Any failure to reach or use the PostgreSQL ledger, as one line that names the ledger (its
/// password hidden) and says what fixes it. The driver's own text never reaches the user
/// unredacted.
public struct PostgresLedgerError: ClassifiedError {
    public var message: String
    public var fix: String
    /// Unreachable server, dropped connection, timeout: running the command again may succeed.
    public var isConnectionLoss: Bool

    public var failureClass: FailureClass { isConnectionLoss ? .transient : .invalidInput }
    public var remedy: Remedy? { .advice(fix) }
    public var description: String { message }

    public init(message: String, fix: String, isConnectionLoss: Bool = false) {
        self.message = message
        self.fix = fix
        self.isConnectionLoss = isConnectionLoss
    }

    init(_ error: Error, url: LedgerURL) {
        if let e = error as? PostgresLedgerError {
            self = e
            return
        }
        let name = url.redacted
        if let timeout = error as? LedgerTimeout {
            self.init(message: "the ledger \(name) gave \(timeout)", fix: Self.serverFix, isConnectionLoss: true)
            return
        }
        guard let e = error as? PSQLError else {
            self.init(message: "the ledger \(name) failed: \(url.redact(String(describing: error)))", fix: Self.serverFix,
                      isConnectionLoss: true)
            return
        }
        if let info = e.serverInfo {
            let state = info[.sqlState] ?? ""
            let text = url.redact(info[.message] ?? "error \(state)")
            switch state {
            case "28P01", "28000":
                self.init(message: "the ledger \(name) refused the login: \(text)",
                          fix: "give the right password in PGPASSWORD or --ledger-password-file (or the user in --ledger), and check pg_hba.conf allows this host")
            case "3D000":
                self.init(message: "the ledger \(name): \(text)",
                          fix: "create it first (createdb \(url.database)), or correct the database in --ledger")
            case "57P01", "57P02", "57P03", "08006", "08003", "08001":
                self.init(message: "the ledger \(name) went away: \(text)", fix: Self.serverFix, isConnectionLoss: true)
            default:
                self.init(message: "the ledger \(name) refused a statement: \(text) (SQLSTATE \(state))",
                          fix: "check the server's log; the user needs CREATE on the database for the first run")
            }
            return
        }
        let reason: String
        switch e.code {
        case .connectionError:
            reason = Self.reason(e.underlying)
        case .serverClosedConnection, .uncleanShutdown:
            reason = "the server closed the connection"
        case .authMechanismRequiresPassword:
            self.init(message: "the ledger \(name) asks for a password and none was given",
                      fix: "set PGPASSWORD or pass --ledger-password-file FILE (never put it on the command line)")
            return
        case .sslUnsupported:
            self.init(message: "the ledger \(name) does not offer TLS", fix: "use sslmode=prefer or sslmode=disable on a trusted network")
            return
        default:
            reason = "\(e.code)" + (e.underlying.map { ": " + Self.reason($0) } ?? "")
        }
        self.init(message: "cannot reach the ledger \(name): \(url.redact(reason))", fix: Self.serverFix, isConnectionLoss: true)
    }

    static let serverFix = "check that the PostgreSQL server is up and reachable at that host and port, then run the command again (windows held by stopped workers are claimed again when their lease expires)"

    private static func reason(_ error: Error?) -> String {
        guard let error else { return "connection failed" }
        let text = String(describing: error)
        for known in ["Connection refused", "Connection reset", "No route to host", "Network is unreachable", "timed out",
                      "Name or service not known", "nodename nor servname"] where text.localizedCaseInsensitiveContains(known) {
            return known.lowercased()
        }
        return text.count > 160 ? String(text.prefix(160)) + "…" : text
    }
}
