import Foundation
import GRDB
import MarketData

/// The batch ledger: a SQLite database in WAL mode under `<data-dir>/state/`. It is the one
/// source of truth for batches; every other record (teacher_runs.json, reports) is derived.
public final class Ledger: LedgerStore {
    public let path: URL
    public var location: String { path.path }
    private let pool: DatabasePool

    public static func url(in root: DataRoot) -> URL { root.state.appendingPathComponent("ledger.sqlite") }

    public convenience init(root: DataRoot) throws {
        try self.init(path: Ledger.url(in: root))
    }

    public init(path: URL) throws {
        self.path = path
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        var config = Configuration()
        config.busyMode = .timeout(10)
        // WAL + NORMAL: a committed window survives a killed process; a power cut may lose the
        // last commits but never corrupts the ledger. FULL would fsync every window.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        pool = try DatabasePool(path: path.path, configuration: config)
        try Ledger.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "batches") { t in
                t.primaryKey("id", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("status", .text).notNull()
                t.column("parameters", .text).notNull()
                t.column("symbols", .text).notNull()
                t.column("universe", .text)
                t.column("batchDir", .text).notNull()
                t.column("logPath", .text)
                for c in ["total", "succeeded", "skipped", "failed", "retries", "workers", "runs"] {
                    t.column(c, .integer).notNull().defaults(to: 0)
                }
                t.column("pid", .integer)
                t.column("startedAt", .datetime)
                t.column("finishedAt", .datetime)
                t.column("durationSeconds", .double).notNull().defaults(to: 0)
            }
            try db.create(table: "windows") { t in
                t.column("batchId", .text).notNull().references("batches", onDelete: .cascade)
                t.column("label", .text).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("symbol", .text).notNull()
                t.column("startDate", .text).notNull()
                t.column("endDate", .text).notNull()
                t.column("status", .text).notNull()
                t.column("failureClass", .text)
                t.column("reason", .text)
                t.column("remedy", .text)
                t.column("attempts", .integer).notNull().defaults(to: 0)
                t.column("durationSeconds", .double)
                t.column("metrics", .text)
                t.column("sampleCounts", .text)
                t.column("artifactsPath", .text)
                t.column("finishedAt", .datetime)
                t.primaryKey(["batchId", "label"])
            }
            try db.create(table: "attempts") { t in
                t.column("batchId", .text).notNull().references("batches", onDelete: .cascade)
                t.column("label", .text).notNull()
                t.column("attempt", .integer).notNull()
                t.column("run", .integer).notNull()
                t.column("failureClass", .text)
                t.column("reason", .text)
                t.column("durationSeconds", .double).notNull()
                t.column("startedAt", .datetime).notNull()
                t.primaryKey(["batchId", "label", "attempt"])
            }
        }
        m.registerMigration("v2-evaluations") { db in
            try db.create(table: "evaluations") { t in
                t.primaryKey("batchId", .text).references("batches", onDelete: .cascade)
                t.column("evaluatedAt", .datetime).notNull()
                t.column("verdict", .text).notNull()
                t.column("promoted", .text).notNull()
                t.column("settings", .text).notNull()
                t.column("summary", .text).notNull()
            }
        }
        m.registerMigration("v3-process-start") { db in
            // With the pid, tells a live batch from a dead one whose pid a new process reuses.
            try db.alter(table: "batches") { t in t.add(column: "pidStartTime", .integer) }
        }
        return m
    }

    // MARK: Writing

    public func create(_ batch: BatchRecord, windows: [WindowRecord]) throws {
        try pool.write { db in
            try batch.insert(db)
            for w in windows { try w.insert(db) }
        }
    }

    /// Saves the batch's own fields; its counters always come from its windows.
    public func save(_ batch: BatchRecord) throws {
        try pool.write { db in
            try batch.update(db)
            try Ledger.refreshCounts(db, batchId: batch.id)
        }
    }

    public func save(_ window: WindowRecord) throws {
        try pool.write { db in
            try window.update(db)
            try Ledger.refreshCounts(db, batchId: window.batchId)
        }
    }

    /// A finished attempt and the window's new state, in one transaction.
    public func record(_ attempt: AttemptRecord, window: WindowRecord) throws {
        try pool.write { db in
            try attempt.upsert(db)
            try window.update(db)
            try Ledger.refreshCounts(db, batchId: window.batchId)
        }
    }

    /// Keeps the batch row's counters true while it runs, so a killed batch still shows them.
    static func refreshCounts(_ db: Database, batchId: String) throws {
        // One pass over the batch's windows (a row-value update), twice per trained window.
        try db.execute(sql: """
            UPDATE batches SET (succeeded, skipped, failed, retries) = (
              SELECT TOTAL(status = 'success'), TOTAL(status = 'skipped'), TOTAL(status = 'failed'),
                     TOTAL(MAX(attempts - 1, 0))
              FROM windows WHERE batchId = ?1)
            WHERE id = ?1
            """, arguments: [batchId])
    }

    // MARK: Reading

    public func batch(id: String) throws -> BatchRecord? {
        try pool.read { db in try BatchRecord.fetchOne(db, key: id) }
    }

    /// All batches, newest first.
    public func batches() throws -> [BatchRecord] {
        try pool.read { db in try BatchRecord.order(Column("createdAt").desc, Column("id").desc).fetchAll(db) }
    }

    /// A batch's windows in plan order.
    public func windows(batchId: String) throws -> [WindowRecord] {
        try pool.read { db in
            try WindowRecord.filter(Column("batchId") == batchId).order(Column("ordinal")).fetchAll(db)
        }
    }

    public func attempts(batchId: String) throws -> [AttemptRecord] {
        try pool.read { db in
            try AttemptRecord.filter(Column("batchId") == batchId).order(Column("label"), Column("attempt")).fetchAll(db)
        }
    }

    // MARK: Evaluations

    /// Records (or replaces) a batch's out-of-sample evaluation.
    public func save(_ evaluation: EvaluationRecord) throws {
        try pool.write { db in try evaluation.upsert(db) }
    }

    public func evaluation(batchId: String) throws -> EvaluationRecord? {
        try pool.read { db in try EvaluationRecord.fetchOne(db, key: batchId) }
    }
}
