import Batch
import Foundation
import MarketData
import PostgresNIO

/// The batch ledger on a PostgreSQL server, shared by any number of worker processes on any
/// number of machines. Same records as the SQLite ledger; a batch's counters are counted from
/// its windows when read (no row every worker would update); windows carry a lease.
public final class PostgresLedger: SharedLedger {
    public let url: LedgerURL
    let pool: BlockingConnections

    public var location: String { url.redacted }

    /// Connects, and creates or migrates the schema.
    public init(url: LedgerURL, timeoutSeconds: Int64 = 30) throws {
        self.url = url
        pool = try BlockingConnections(url: url, timeoutSeconds: timeoutSeconds)
        try PostgresSchema.migrate(pool)
    }

    deinit { pool.closeAll() }

    // MARK: Writing

    public func create(_ batch: BatchRecord, windows: [WindowRecord]) throws {
        try pool.with { s in
            try s.transaction {
                try s.execute("""
                    INSERT INTO batches (id, created_at, status, parameters, symbols, universe, batch_dir, log_path, total,
                      workers, runs, pid, pid_start_time, started_at, finished_at, duration_seconds)
                    VALUES (\(batch.id), \(batch.createdAt), \(batch.status.rawValue), \(batch.parameters), \(batch.symbols),
                      \(batch.universe), \(batch.batchDir), \(batch.logPath), \(batch.total), \(batch.workers), \(batch.runs),
                      \(batch.pid), \(batch.pidStartTime), \(batch.startedAt), \(batch.finishedAt), \(batch.durationSeconds))
                    """)
                // One statement for all windows: arrays unnested server-side.
                try s.execute("""
                    INSERT INTO windows (batch_id, label, ordinal, symbol, start_date, end_date, status)
                    SELECT \(batch.id), * FROM unnest(\(windows.map(\.label)), \(windows.map(\.ordinal)), \(windows.map(\.symbol)),
                      \(windows.map(\.startDate)), \(windows.map(\.endDate)), \(windows.map(\.status.rawValue)))
                    """)
            }
        }
    }

    public func save(_ batch: BatchRecord) throws {
        try pool.execute("""
            UPDATE batches SET created_at = \(batch.createdAt), status = \(batch.status.rawValue), parameters = \(batch.parameters),
              symbols = \(batch.symbols), universe = \(batch.universe), batch_dir = \(batch.batchDir), log_path = \(batch.logPath),
              total = \(batch.total), workers = \(batch.workers), runs = \(batch.runs), pid = \(batch.pid),
              pid_start_time = \(batch.pidStartTime), started_at = \(batch.startedAt), finished_at = \(batch.finishedAt),
              duration_seconds = \(batch.durationSeconds)
            WHERE id = \(batch.id)
            """)
    }

    /// Saving a window outside a claim (preflight, a single-process run, a resume) ends any lease on it.
    public func save(_ window: WindowRecord) throws {
        try pool.execute(Self.update(window, extraSet: ", lease_owner = NULL, lease_token = NULL, lease_expires = NULL", guardSQL: ""))
    }

    public func record(_ attempt: AttemptRecord, window: WindowRecord) throws {
        try pool.with { s in
            try s.transaction {
                try s.execute(Self.upsert(attempt))
                try s.execute(Self.update(window, extraSet: "", guardSQL: ""))
            }
        }
    }

    public func save(_ evaluation: EvaluationRecord) throws {
        try pool.execute("""
            INSERT INTO evaluations (batch_id, evaluated_at, verdict, promoted, settings, summary)
            VALUES (\(evaluation.batchId), \(evaluation.evaluatedAt), \(evaluation.verdict), \(evaluation.promoted),
              \(evaluation.settings), \(evaluation.summary))
            ON CONFLICT (batch_id) DO UPDATE SET evaluated_at = excluded.evaluated_at, verdict = excluded.verdict,
              promoted = excluded.promoted, settings = excluded.settings, summary = excluded.summary
            """)
    }

    // MARK: Reading

    public func batch(id: String) throws -> BatchRecord? {
        try pool.query(PostgresQuery(unsafeSQL: Self.batchSelect + " WHERE b.id = $1", binds: Self.binds(id)))
            .first.map(Self.batchRecord)
    }

    public func batches() throws -> [BatchRecord] {
        try pool.query(PostgresQuery(unsafeSQL: Self.batchSelect + " ORDER BY b.created_at DESC, b.id DESC")).map(Self.batchRecord)
    }

    public func windows(batchId: String) throws -> [WindowRecord] {
        try pool.query(PostgresQuery(unsafeSQL: Self.windowSelect + " WHERE batch_id = $1 ORDER BY ordinal", binds: Self.binds(batchId)))
            .map(Self.windowRecord)
    }

    public func attempts(batchId: String) throws -> [AttemptRecord] {
        try pool.query("""
            SELECT batch_id, label, attempt, run, failure_class, reason, duration_seconds, started_at
            FROM attempts WHERE batch_id = \(batchId) ORDER BY label, attempt
            """).map { row in
            let r = row.makeRandomAccess()
            return AttemptRecord(batchId: try r["batch_id"].decode(String.self), label: try r["label"].decode(String.self),
                                 attempt: try r["attempt"].decode(Int.self), run: try r["run"].decode(Int.self),
                                 failureClass: try r["failure_class"].decode(String?.self).flatMap(FailureClass.init(rawValue:)),
                                 reason: try r["reason"].decode(String?.self),
                                 durationSeconds: try r["duration_seconds"].decode(Double.self),
                                 startedAt: try r["started_at"].decode(Date.self))
        }
    }

    public func evaluation(batchId: String) throws -> EvaluationRecord? {
        try pool.query("""
            SELECT batch_id, evaluated_at, verdict, promoted, settings, summary FROM evaluations WHERE batch_id = \(batchId)
            """).first.map { row in
            let r = row.makeRandomAccess()
            return EvaluationRecord(batchId: try r["batch_id"].decode(String.self), evaluatedAt: try r["evaluated_at"].decode(Date.self),
                                    verdict: try r["verdict"].decode(String.self), promoted: try r["promoted"].decode(String.self),
                                    settings: try r["settings"].decode(String.self), summary: try r["summary"].decode(String.self))
        }
    }

    public func liveLeases(batchId: String) throws -> Int {
        try pool.query("""
            SELECT count(*) FROM windows WHERE batch_id = \(batchId) AND status = 'running' AND lease_expires >= now()
            """).first!.decode(Int.self)
    }

    // MARK: Statements and rows

    static func binds(_ values: String...) -> PostgresBindings {
        var b = PostgresBindings()
        for v in values { b.append(v) }
        return b
    }

    /// The batch's own columns and its counters, counted from its windows.
    static let batchSelect = """
        SELECT b.id, b.created_at, b.status, b.parameters, b.symbols, b.universe, b.batch_dir, b.log_path, b.total,
          b.workers, b.runs, b.pid, b.pid_start_time, b.started_at, b.finished_at, b.duration_seconds,
          c.succeeded, c.skipped, c.failed, c.retries
        FROM batches b CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE w.status = 'success') AS succeeded,
                 count(*) FILTER (WHERE w.status = 'skipped') AS skipped,
                 count(*) FILTER (WHERE w.status = 'failed') AS failed,
                 coalesce(sum(greatest(w.attempts - 1, 0)), 0)::bigint AS retries
          FROM windows w WHERE w.batch_id = b.id) c
        """

    static let windowColumns = """
        batch_id, label, ordinal, symbol, start_date, end_date, status, failure_class, reason, remedy, attempts,
        duration_seconds, metrics, sample_counts, artifacts_path, finished_at
        """
    static let windowSelect = "SELECT \(windowColumns) FROM windows"

    static func batchRecord(_ row: PostgresRow) throws -> BatchRecord {
        let r = row.makeRandomAccess()
        let status = try r["status"].decode(String.self)
        guard let s = BatchStatus(rawValue: status) else { throw bad("batch status \(status)") }
        return BatchRecord(
            id: try r["id"].decode(String.self), createdAt: try r["created_at"].decode(Date.self), status: s,
            parameters: try r["parameters"].decode(String.self), symbols: try r["symbols"].decode(String.self),
            universe: try r["universe"].decode(String?.self), batchDir: try r["batch_dir"].decode(String.self),
            logPath: try r["log_path"].decode(String?.self), total: try r["total"].decode(Int.self),
            succeeded: try r["succeeded"].decode(Int.self), skipped: try r["skipped"].decode(Int.self),
            failed: try r["failed"].decode(Int.self), retries: try r["retries"].decode(Int.self),
            workers: try r["workers"].decode(Int.self), runs: try r["runs"].decode(Int.self), pid: try r["pid"].decode(Int?.self),
            pidStartTime: try r["pid_start_time"].decode(Int64?.self), startedAt: try r["started_at"].decode(Date?.self),
            finishedAt: try r["finished_at"].decode(Date?.self), durationSeconds: try r["duration_seconds"].decode(Double.self))
    }

    static func windowRecord(_ row: PostgresRow) throws -> WindowRecord {
        let r = row.makeRandomAccess()
        let (start, end) = (try r["start_date"].decode(String.self), try r["end_date"].decode(String.self))
        guard let a = CalendarDay(start), let b = CalendarDay(end) else { throw bad("window dates \(start)..\(end)") }
        var w = WindowRecord(batchId: try r["batch_id"].decode(String.self), ordinal: try r["ordinal"].decode(Int.self),
                             window: PlannedWindow(symbol: try r["symbol"].decode(String.self), range: DayRange(a, b)))
        w.label = try r["label"].decode(String.self)
        let status = try r["status"].decode(String.self)
        guard let s = WindowStatus(rawValue: status) else { throw bad("window status \(status)") }
        w.status = s
        w.failureClass = try r["failure_class"].decode(String?.self).flatMap(FailureClass.init(rawValue:))
        w.reason = try r["reason"].decode(String?.self)
        w.remedy = try r["remedy"].decode(String?.self).map(RemedyColumn.decode)
        w.attempts = try r["attempts"].decode(Int.self)
        w.durationSeconds = try r["duration_seconds"].decode(Double?.self)
        w.metrics = try r["metrics"].decode(String?.self)
        w.sampleCounts = try r["sample_counts"].decode(String?.self)
        w.artifactsPath = try r["artifacts_path"].decode(String?.self)
        w.finishedAt = try r["finished_at"].decode(Date?.self)
        return w
    }

    /// The window's recorded fields; `extraSet` adds assignments, `guardSQL` conditions.
    static func update(_ w: WindowRecord, extraSet: String, guardSQL: String, binds extra: [String] = []) -> PostgresQuery {
        var b = PostgresBindings()
        b.append(w.batchId)
        b.append(w.label)
        b.append(w.status.rawValue)
        b.append(w.failureClass?.rawValue)
        b.append(w.reason)
        b.append(w.remedy.map(RemedyColumn.encode))
        b.append(w.attempts)
        b.append(w.durationSeconds)
        b.append(w.metrics)
        b.append(w.sampleCounts)
        b.append(w.artifactsPath)
        b.append(w.finishedAt)
        for e in extra { b.append(e) }
        return PostgresQuery(unsafeSQL: """
            UPDATE windows SET status = $3, failure_class = $4, reason = $5, remedy = $6, attempts = $7, duration_seconds = $8,
              metrics = $9, sample_counts = $10, artifacts_path = $11, finished_at = $12\(extraSet)
            WHERE batch_id = $1 AND label = $2\(guardSQL)
            """, binds: b)
    }

    static func upsert(_ a: AttemptRecord) -> PostgresQuery {
        """
        INSERT INTO attempts (batch_id, label, attempt, run, failure_class, reason, duration_seconds, started_at)
        VALUES (\(a.batchId), \(a.label), \(a.attempt), \(a.run), \(a.failureClass?.rawValue), \(a.reason),
          \(a.durationSeconds), \(a.startedAt))
        ON CONFLICT (batch_id, label, attempt) DO UPDATE SET run = excluded.run, failure_class = excluded.failure_class,
          reason = excluded.reason, duration_seconds = excluded.duration_seconds, started_at = excluded.started_at
        """
    }

    static func bad(_ what: String) -> PostgresLedgerError {
        PostgresLedgerError(message: "the ledger holds an unreadable \(what)", fix: "was it written by a newer sensequant?")
    }
}

/// Remedies are stored as JSON text, as in the SQLite ledger.
enum RemedyColumn {
    static func encode(_ remedy: Remedy) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(remedy), as: UTF8.self)) ?? remedy.description
    }

    static func decode(_ text: String) -> Remedy {
        (try? JSONDecoder().decode(Remedy.self, from: Data(text.utf8))) ?? .advice(text)
    }
}
