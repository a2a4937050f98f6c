import Batch
import Foundation
import PostgresNIO

/// The work queue: windows claimed with `FOR UPDATE SKIP LOCKED` (claimers never wait for or
/// take each other's rows), leases on the database's clock, writes guarded by the claim's token.
extension PostgresLedger {
    public func claimableBatches() throws -> [String] {
        try pool.query("SELECT id FROM batches WHERE status = 'running' AND pid IS NULL ORDER BY created_at, id")
            .map { try $0.decode(String.self) }
    }

    public func claim(batchId: String, owner: String, leaseSeconds: Int) throws -> WindowClaim? {
        let token = UUID().uuidString.lowercased()
        let columns = Self.windowColumns.split(separator: ",").map { "w." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var b = PostgresBindings()
        b.append(batchId)
        b.append(owner)
        b.append(token)
        b.append(Double(leaseSeconds))
        let rows = try pool.query(PostgresQuery(unsafeSQL: """
            UPDATE windows w SET status = 'running', lease_owner = $2, lease_token = $3,
              lease_expires = now() + make_interval(secs => $4), claims = w.claims + 1
            FROM (SELECT batch_id, label FROM windows
                  WHERE batch_id = $1 AND (status = 'pending' OR (status = 'running' AND lease_expires < now()))
                  ORDER BY ordinal LIMIT 1 FOR UPDATE SKIP LOCKED) c
            WHERE w.batch_id = c.batch_id AND w.label = c.label
            RETURNING \(columns.joined(separator: ", "))
            """, binds: b))
        return try rows.first.map { WindowClaim(window: try Self.windowRecord($0), token: token) }
    }

    public func renewLeases(owner: String, leaseSeconds: Int) throws {
        try pool.execute("""
            UPDATE windows SET lease_expires = now() + make_interval(secs => \(Double(leaseSeconds)))
            WHERE lease_owner = \(owner) AND status = 'running'
            """)
    }

    public func record(_ attempt: AttemptRecord, window: WindowRecord, claim token: String) throws -> Bool {
        try pool.with { s in
            try s.execute("BEGIN")
            guard try s.execute(Self.update(window, extraSet: "", guardSQL: " AND status = 'running' AND lease_token = $13",
                                            binds: [token])) == 1 else {
                try s.execute("ROLLBACK")
                return false
            }
            try s.execute(Self.upsert(attempt))
            try s.execute("COMMIT")
            return true
        }
    }

    public func finish(_ attempt: AttemptRecord, window: WindowRecord, claim token: String, publish: () throws -> Void) throws -> Bool {
        try pool.with { s in
            try s.execute("BEGIN")
            // The row lock keeps a reclaimer (SKIP LOCKED) and any other finisher away until COMMIT.
            let held = try s.query("""
                SELECT 1 FROM windows WHERE batch_id = \(window.batchId) AND label = \(window.label)
                  AND status = 'running' AND lease_token = \(token) FOR UPDATE
                """)
            guard held.count == 1 else {
                try s.execute("ROLLBACK")
                return false
            }
            try publish()
            try s.execute(Self.update(window, extraSet: ", lease_owner = NULL, lease_token = NULL, lease_expires = NULL", guardSQL: ""))
            try s.execute(Self.upsert(attempt))
            try s.execute("COMMIT")
            return true
        }
    }

    public func release(batchId: String, label: String, claim token: String) throws {
        try pool.execute("""
            UPDATE windows SET status = 'pending', lease_owner = NULL, lease_token = NULL, lease_expires = NULL
            WHERE batch_id = \(batchId) AND label = \(label) AND status = 'running' AND lease_token = \(token)
            """)
    }

    public func unfinished(batchId: String) throws -> (pending: Int, running: Int) {
        let row = try pool.query("""
            SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'running')
            FROM windows WHERE batch_id = \(batchId) AND status IN ('pending', 'running')
            """).first!
        let (pending, running) = try row.decode((Int, Int).self)
        return (pending, running)
    }

    public func finishBatch(_ batchId: String, decide: (BatchRecord) -> BatchStatus) throws -> BatchRecord? {
        try pool.with { s in
            try s.execute("BEGIN")
            let open = try s.query("SELECT 1 FROM batches WHERE id = \(batchId) AND status = 'running' FOR UPDATE")
            let left = try s.query("""
                SELECT count(*) FROM windows WHERE batch_id = \(batchId) AND status IN ('pending', 'running')
                """).first!.decode(Int.self)
            guard open.count == 1, left == 0,
                  let counted = try s.query(PostgresQuery(unsafeSQL: Self.batchSelect + " WHERE b.id = $1", binds: Self.binds(batchId)))
                    .first.map(Self.batchRecord) else {
                try s.execute("ROLLBACK")
                return nil
            }
            // Wall time of this run: from its first attempt to now, on the database's clock.
            try s.execute("""
                UPDATE batches SET status = \(decide(counted).rawValue), finished_at = now(), pid = NULL, pid_start_time = NULL,
                  duration_seconds = duration_seconds + coalesce((SELECT extract(epoch FROM now() - min(started_at))::float8
                    FROM attempts WHERE batch_id = \(batchId) AND run = \(counted.runs)), 0)
                WHERE id = \(batchId)
                """)
            let finished = try s.query(PostgresQuery(unsafeSQL: Self.batchSelect + " WHERE b.id = $1", binds: Self.binds(batchId)))
                .first.map(Self.batchRecord)
            try s.execute("COMMIT")
            return finished
        }
    }
}

extension PostgresLedger {
    /// Deletes a batch and everything recorded of it (benchmarks clean up after themselves).
    public func remove(batchId: String) throws {
        try pool.execute("DELETE FROM batches WHERE id = \(batchId)")
    }
}
