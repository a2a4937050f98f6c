import Foundation

/// A `--ledger` value: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]`.
/// The one place that parses ledger URLs and hides their password: every message names a
/// ledger by `redacted`, never by the text it was given.
public struct LedgerURL: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, without verifying its certificate (libpq's default).
        case prefer
        /// TLS or no connection, without verifying the certificate (libpq's `require`).
        case require
        /// TLS with the certificate and host name verified against the system's roots.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// The form every message states, e.g. `postgresql://trainer:***@db:5432/sensequant`.
    public var redacted: String {
        let credentials = password == nil ? user : "\(user):***"
        let query = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgresql://\(credentials)@\(host):\(port)/\(database)\(query)"
    }

    public var description: String { redacted }

    /// Any text with the password replaced by `***` (driver messages may echo what they were given).
    public func redact(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        var out = text.replacingOccurrences(of: password, with: "***")
        if let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics), encoded != password {
            out = out.replacingOccurrences(of: encoded, with: "***")
        }
        return out
    }

    /// A copy with the password set (from a file or the environment) unless the URL holds one.
    public func withPassword(_ fallback: String?) -> LedgerURL {
        var copy = self
        if copy.password == nil, let fallback, !fallback.isEmpty { copy.password = fallback }
        return copy
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// Whether `text` names a PostgreSQL ledger at all (as opposed to a mistyped one).
    public static func isPostgres(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    /// Parses a URL. Error messages never repeat the text given (it may hold a password).
    public init(parsing text: String) throws {
        let expected = "expected postgresql://USER@HOST[:PORT]/DATABASE"
        guard Self.isPostgres(text) else {
            throw ParseError(description: "--ledger must be a PostgreSQL URL (\(expected)); omit it for the SQLite ledger under --data-dir")
        }
        let rest = text[text.range(of: "://")!.upperBound...]
        let (beforeQuery, query) = Self.split(rest, at: "?")
        let (authority, path) = Self.split(beforeQuery, at: "/")
        guard let at = authority.lastIndex(of: "@") else {
            throw ParseError(description: "--ledger names no user (\(expected))")
        }
        let (userPart, passwordPart) = Self.split(authority[..<at], at: ":")
        let hostPort = authority[authority.index(after: at)...]
        guard let user = userPart.removingPercentEncoding, !user.isEmpty else {
            throw ParseError(description: "--ledger names no user (\(expected))")
        }
        let password = passwordPart.flatMap { $0.removingPercentEncoding }
        var host = String(hostPort)
        var port = 5432
        if let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]") {
            host = String(hostPort[..<colon])
            guard let p = Int(hostPort[hostPort.index(after: colon)...]), (1...65_535).contains(p) else {
                throw ParseError(description: "--ledger has a bad port (\(expected))")
            }
            port = p
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ParseError(description: "--ledger names no host (\(expected))") }
        guard let database = path?.removingPercentEncoding, !database.isEmpty, !database.contains("/") else {
            throw ParseError(description: "--ledger names no database (\(expected))")
        }
        var tls = TLSMode.prefer
        for pair in (query ?? "").split(separator: "&") {
            let (key, value) = Self.split(pair, at: "=")
            switch key {
            case "sslmode":
                guard let v = value, let mode = TLSMode(rawValue: String(v)) else {
                    throw ParseError(description: "--ledger sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                tls = mode
            default:
                throw ParseError(description: "--ledger: unknown parameter \(key) (only sslmode is understood)")
            }
        }
        self.init(user: user, password: password, host: host, port: port, database: database, tls: tls)
    }

    private static func split(_ s: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let i = s.firstIndex(of: separator) else { return (s, nil) }
        return (s[..<i], s[s.index(after: i)...])
    }
}
