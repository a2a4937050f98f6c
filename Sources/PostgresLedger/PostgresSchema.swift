import PostgresNIO

/// The ledger's tables on PostgreSQL, versioned: each migration runs once, in order, recorded in
/// `sensequant_schema`. Workers starting together migrate under an advisory lock, one at a time.
enum PostgresSchema {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "batches-windows-attempts-evaluations-leases", statements: [
            """
            CREATE TABLE batches (
              id text PRIMARY KEY, created_at timestamptz NOT NULL, status text NOT NULL,
              parameters text NOT NULL, symbols text NOT NULL, universe text, batch_dir text NOT NULL, log_path text,
              total bigint NOT NULL, workers bigint NOT NULL, runs bigint NOT NULL,
              pid bigint, pid_start_time bigint, started_at timestamptz, finished_at timestamptz,
              duration_seconds double precision NOT NULL DEFAULT 0)
            """,
            """
            CREATE TABLE windows (
              batch_id text NOT NULL REFERENCES batches(id) ON DELETE CASCADE, label text NOT NULL,
              ordinal bigint NOT NULL, symbol text NOT NULL, start_date text NOT NULL, end_date text NOT NULL,
              status text NOT NULL, failure_class text, reason text, remedy text, attempts bigint NOT NULL DEFAULT 0,
              duration_seconds double precision, metrics text, sample_counts text, artifacts_path text,
              finished_at timestamptz,
              lease_owner text, lease_token text, lease_expires timestamptz, claims bigint NOT NULL DEFAULT 0,
              PRIMARY KEY (batch_id, label))
            """,
            "CREATE INDEX windows_unfinished ON windows (batch_id, ordinal) WHERE status IN ('pending', 'running')",
            "CREATE INDEX windows_lease_owner ON windows (lease_owner) WHERE lease_owner IS NOT NULL",
            """
            CREATE TABLE attempts (
              batch_id text NOT NULL REFERENCES batches(id) ON DELETE CASCADE, label text NOT NULL,
              attempt bigint NOT NULL, run bigint NOT NULL, failure_class text, reason text,
              duration_seconds double precision NOT NULL, started_at timestamptz NOT NULL,
              PRIMARY KEY (batch_id, label, attempt))
            """,
            """
            CREATE TABLE evaluations (
              batch_id text PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE, evaluated_at timestamptz NOT NULL,
              verdict text NOT NULL, promoted text NOT NULL, settings text NOT NULL, summary text NOT NULL)
            """,
        ]),
    ]

    static var latest: Int { migrations.map(\.version).max() ?? 0 }

    /// Brings the database to the latest version; refuses one newer than this program knows.
    static func migrate(_ pool: BlockingConnections) throws {
        try pool.with { session in
            try session.transaction {
                try session.execute("SELECT pg_advisory_xact_lock(7301735)")
                try session.execute("""
                    CREATE TABLE IF NOT EXISTS sensequant_schema (
                      version bigint PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """)
                let rows = try session.query("SELECT coalesce(max(version), 0) FROM sensequant_schema")
                let current = try rows.first!.decode(Int.self)
                guard current <= latest else {
                    throw PostgresLedgerError(
                        message: "the ledger \(pool.url.redacted) has schema version \(current), newer than this sensequant knows (\(latest))",
                        fix: "run a newer sensequant on every machine that shares this ledger")
                }
                for m in migrations where m.version > current {
                    for sql in m.statements { try session.execute(PostgresQuery(unsafeSQL: sql)) }
                    try session.execute("INSERT INTO sensequant_schema (version, name) VALUES (\(m.version), \(m.name))")
                }
            }
        }
    }
}
