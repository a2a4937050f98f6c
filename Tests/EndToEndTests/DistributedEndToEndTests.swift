import Batch
import Foundation
import MarketData
import PostgresLedger
import PostgresTestSupport
import Testing

/// `train --plan-only` on a PostgreSQL ledger, then `sensequant worker` processes: the seed
/// scenario finished by three workers (one SIGKILLed mid-window), byte-identical to one
/// process on SQLite; a server that goes away mid-batch, and the batch resumed after it.
@Suite(.serialized) struct DistributedEndToEndTests {
    static func workerArgs(_ url: String, _ root: URL, batch: String?, lease: Int = 2) -> [String] {
        ["worker", "--ledger", url, "--data-dir", root.path, "--workers", "1", "--lease-seconds", "\(lease)", "--retry-base-delay", "0.01"]
            + (batch.map { ["--batch", $0] } ?? [])
    }

    static func plan(_ url: String, _ root: URL, _ symbolsFile: URL, extra: [String] = []) async throws -> String {
        let r = try await CLI.run(SeedMarket.trainArgs(root, symbolsFile, workers: 2) + ["--plan-only", "--ledger", url] + extra, in: root)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("planned: 176 of 192 windows wait for workers"))
        return try #require(batchId(from: r.stdout))
    }

    /// Polls (never sleeps a fixed time) until `condition` holds; fails after `limit`.
    static func eventually(_ what: String, limit: Duration = .seconds(120), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw CLIError(message: "timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(25))
        }
    }

    @Test func threeWorkersOneKilledMatchOneProcessOnSQLite() async throws {
        try await withTestCluster { cluster in
            let url = try await cluster.createDatabase("seed")
            let (root, symbolsFile) = try await SeedMarket.dataRoot("pg-workers")
            let id = try await Self.plan(url, root, symbolsFile)

            let workers = try (0..<3).map { _ in try CLI.start(Self.workerArgs(url, root, batch: id), in: root) }
            let victim = workers[0].0
            let pid = victim.processIdentifier
            // Freeze the worker, and kill it only when the ledger shows it holding a window: mid-window.
            var held = ""
            try await Self.eventually("the first worker to hold a window") {
                guard victim.isRunning else { return true }
                kill(pid, SIGSTOP)
                try await Task.sleep(for: .milliseconds(200))  // statements it sent before the stop settle
                held = try await cluster.psql("""
                    SELECT label FROM windows WHERE status = 'running' AND lease_owner LIKE '%:\(pid):%'
                    """, database: "seed")
                if held.isEmpty { kill(pid, SIGCONT) }
                return !held.isEmpty
            }
            #expect(!held.isEmpty, "the worker finished before it could be killed")
            kill(pid, SIGKILL)
            for (p, _, err) in workers.dropFirst() {
                await CLI.waitForExit(p)
                #expect(p.terminationStatus == 0, "\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
            }
            await CLI.waitForExit(victim)

            let ledger = try PostgresLedger(url: try LedgerURL(parsing: url))
            let batch = try #require(try ledger.batch(id: id))
            #expect((batch.status, batch.succeeded, batch.skipped, batch.failed) == (.completed, 176, 16, 0))
            // Every window succeeded exactly once; the killed worker's window was claimed again.
            #expect(try await cluster.psql("""
                SELECT count(*) FROM (SELECT label FROM attempts WHERE batch_id = '\(id)' AND failure_class IS NULL
                  GROUP BY label HAVING count(*) <> 1) x
                """, database: "seed") == "0")
            #expect(try ledger.attempts(batchId: id).filter { $0.failureClass == nil }.count == 176)
            if !held.isEmpty {
                #expect(try await cluster.psql("SELECT claims FROM windows WHERE batch_id = '\(id)' AND label = '\(held)'", database: "seed") == "2")
            }
            // The killed worker's half-written directories were removed by the worker that ended the batch.
            #expect(try FileManager.default.contentsOfDirectory(atPath: batch.batchDir).filter { $0.hasPrefix(".") } == [])
            let status = try await CLI.run(["status", id, "--ledger", url, "--data-dir", root.path], in: root)
            #expect(status.code == 0 && status.stdout.contains("completed"), "\(status.stderr)")
            let report = try await CLI.run(["report", id, "--ledger", url, "--data-dir", root.path, "--format", "json"], in: root)
            #expect(report.code == 0, "\(report.stderr)")

            // The same batch by one process on the SQLite ledger: the same outcomes, byte-identical models.
            let (single, _) = try await SeedMarket.dataRoot("pg-single")
            let r = try await CLI.run(SeedMarket.trainArgs(single, symbolsFile, workers: 2) + ["--no-evaluate"], in: single)
            #expect(r.code == 0, "\(r.stderr)")
            let singleId = try #require(batchId(from: r.stdout))
            let local = try BatchOutcome.read(root: single, batchId: singleId).withoutReasons
            let shared = try BatchOutcome.read(ledger: ledger, batchId: id).withoutReasons
            #expect(local.windows.filter { $0.model != nil }.count == 176)
            #expect(shared == local)
        }
    }

    @Test func aServerThatGoesAwayStopsWorkersAndTheBatchResumesWhenItIsBack() async throws {
        try await withTestCluster { cluster in
            let url = try await cluster.createDatabase("outage")
            let (root, symbolsFile) = try await SeedMarket.dataRoot("pg-outage")
            let noLedger = try await CLI.run(["worker", "--data-dir", root.path], in: root)
            #expect(noLedger.code == 2 && noLedger.stderr.contains("workers need a shared ledger"))
            let id = try await Self.plan(url, root, symbolsFile)

            // --follow: the worker never ends by itself, so it is surely running when the server stops.
            let (p, _, err) = try CLI.start(Self.workerArgs(url, root, batch: nil) + ["--follow"], in: root)
            try await Self.eventually("a first trained window") {
                try await cluster.psql("SELECT count(*) FROM windows WHERE status = 'success'", database: "outage") != "0"
            }
            try await cluster.stopServer()
            await CLI.waitForExit(p)
            let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
            #expect(p.terminationStatus == 1)
            let lines = stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].contains("postgresql://sensequant@127.0.0.1:\(cluster.port)/outage"),
                    "\(stderr)")

            try await cluster.startServer()
            let again = try await CLI.run(Self.workerArgs(url, root, batch: id), in: root)
            #expect(again.code == 0, "\(again.stderr)")
            let ledger = try PostgresLedger(url: try LedgerURL(parsing: url))
            let batch = try #require(try ledger.batch(id: id))
            #expect((batch.status, batch.succeeded, batch.skipped, batch.failed) == (.completed, 176, 16, 0))
            #expect(try ledger.attempts(batchId: id).filter { $0.failureClass == nil }.count == 176)
        }
    }
}

extension BatchOutcome {
    /// Skip reasons name the data root, which differs between the two runs.
    var withoutReasons: BatchOutcome {
        BatchOutcome(windows: windows.map { w in
            var w = w
            w.reason = nil
            return w
        })
    }
}
