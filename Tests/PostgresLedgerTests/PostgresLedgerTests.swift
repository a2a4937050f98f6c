import Batch
import Foundation
import MarketData
import PostgresLedger
import PostgresTestSupport
import Synchronization
import Testing

/// The PostgreSQL ledger against a real server: records, claims, leases, errors.
@Suite(.serialized) struct PostgresLedgerTests {
    @Test func storesWhatTheSQLiteLedgerStores() async throws {
        try await withLedger { ledger, cluster, url in
            let (batch, windows) = try plannedBatch(symbols: ["A", "B"], batchDir: try temporaryDirectory())
            try ledger.create(batch, windows: windows)
            var w = windows[0]
            w.status = .skipped
            w.failureClass = .dataMissing
            w.reason = "no bars"
            w.remedy = .fetch(FetchRemedy(symbols: ["A"], range: DayRange(day("2023-12-01"), day("2024-07-10"))))
            try ledger.save(w)
            var r = succeeded(windows[1])
            r.attempts = 2
            try ledger.record(attempt(r, 1, .transient), window: r)
            try ledger.record(attempt(r, 2), window: r)
            let evaluation = EvaluationRecord(batchId: batch.id, evaluatedAt: Date(timeIntervalSince1970: 1_700_000_100),
                                              verdict: "skill", promoted: "[\"B\"]", settings: "{}", summary: "{}")
            try ledger.save(evaluation)
            try ledger.save(evaluation)

            let read = try #require(try ledger.batch(id: batch.id))
            #expect(read.id == batch.id && read.createdAt == batch.createdAt && read.parameters == batch.parameters)
            #expect((read.succeeded, read.skipped, read.failed, read.retries) == (1, 1, 0, 1))
            let back = try ledger.windows(batchId: batch.id)
            #expect(back.map(\.label) == windows.map(\.label))
            #expect(back[0] == w)
            #expect(back[1].status == .success && back[1].attempts == 2 && back[1].metrics == r.metrics)
            #expect(try ledger.attempts(batchId: batch.id).map(\.failureClass) == [.transient, nil])
            #expect(try ledger.evaluation(batchId: batch.id) == evaluation)
            #expect(try ledger.batches().map(\.id) == [batch.id])
            #expect(try ledger.batchIdExists(batch.id) && !ledger.batchIdExists("nope"))
            // The schema is versioned, and opening again migrates nothing twice.
            _ = try PostgresLedger(url: try LedgerURL(parsing: url))
            #expect(try await cluster.psql("SELECT version FROM sensequant_schema", database: "ledger") == "1")
        }
    }

    @Test func concurrentClaimersNeverShareAWindow() async throws {
        try await withLedger { ledger, cluster, _ in
            let (batch, windows) = try plannedBatch(symbols: (0..<40).map { "S\($0)" }, batchDir: try temporaryDirectory())
            try ledger.create(batch, windows: windows)
            let claimed = Labels()
            await withTaskGroup(of: Void.self) { group in
                for n in 0..<6 {
                    group.addTask {
                        await runOnThread {
                            while let c = try? ledger.claim(batchId: batch.id, owner: "owner\(n)", leaseSeconds: 60) {
                                claimed.append(c.window.label)
                                _ = try? ledger.finish(attempt(c.window, 1), window: succeeded(c.window), claim: c.token) {}
                            }
                        }
                    }
                }
            }
            let labels = claimed.values
            #expect(labels.count == windows.count)
            #expect(Set(labels) == Set(windows.map(\.label)))
            #expect(try await cluster.psql("SELECT count(*) FROM windows WHERE claims <> 1", database: "ledger") == "0")
            #expect(try ledger.batch(id: batch.id)?.succeeded == windows.count)
        }
    }

    @Test func anExpiredLeaseIsClaimedAgainAndTheLateFinisherWritesNothing() async throws {
        try await withLedger { ledger, cluster, _ in
            let dir = try temporaryDirectory()
            let (batch, windows) = try plannedBatch(symbols: ["A"], batchDir: dir)
            try ledger.create(batch, windows: Array(windows.prefix(1)))
            let first = try #require(try ledger.claim(batchId: batch.id, owner: "dead", leaseSeconds: 1))
            #expect(try ledger.claim(batchId: batch.id, owner: "live", leaseSeconds: 60) == nil)
            #expect(try ledger.liveLeases(batchId: batch.id) == 1)
            // No heartbeat: once the lease expires on the server's clock, the window is claimable.
            var second: WindowClaim?
            for _ in 0..<300 where second == nil {
                second = try ledger.claim(batchId: batch.id, owner: "live", leaseSeconds: 60)
                if second == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let reclaimed = try #require(second)
            #expect(reclaimed.window.label == first.window.label)
            #expect(reclaimed.token != first.token)
            // The late finisher: no retry recorded, no result recorded, its publish never runs.
            #expect(try ledger.record(attempt(first.window, 1, .transient), window: first.window, claim: first.token) == false)
            var published = false
            #expect(try ledger.finish(attempt(first.window, 1), window: succeeded(first.window, artifacts: "late"), claim: first.token) {
                published = true
            } == false)
            #expect(!published)
            #expect(try ledger.finish(attempt(reclaimed.window, 1), window: succeeded(reclaimed.window, artifacts: "winner"), claim: reclaimed.token) {
                published = true
            })
            #expect(published)
            // ...and after the success, still nothing: the success is never overwritten or counted twice.
            #expect(try ledger.finish(attempt(first.window, 1), window: succeeded(first.window, artifacts: "late"), claim: first.token) {} == false)
            let w = try #require(try ledger.windows(batchId: batch.id).first)
            #expect(w.status == .success && w.artifactsPath == "winner" && w.attempts == 1)
            #expect(try ledger.attempts(batchId: batch.id).count == 1)
            #expect(try await cluster.psql("SELECT claims FROM windows", database: "ledger") == "2")
            let finished = try #require(try ledger.finishBatch(batch.id) { _ in .completed })
            #expect(finished.status == .completed && finished.succeeded == 1)
            #expect(try ledger.finishBatch(batch.id) { _ in .completed } == nil)
        }
    }

    @Test func heartbeatsKeepALeaseAndReleaseHandsAWindowBack() async throws {
        try await withLedger { ledger, _, _ in
            let (batch, windows) = try plannedBatch(symbols: ["A"], batchDir: try temporaryDirectory())
            try ledger.create(batch, windows: windows)
            let a = try #require(try ledger.claim(batchId: batch.id, owner: "a", leaseSeconds: 2))
            let b = try #require(try ledger.claim(batchId: batch.id, owner: "b", leaseSeconds: 60))
            #expect(a.window.label != b.window.label)
            try ledger.renewLeases(owner: "a", leaseSeconds: 600)
            #expect(try ledger.finishBatch(batch.id) { _ in .completed } == nil)
            try ledger.release(batchId: batch.id, label: b.window.label, claim: b.token)
            #expect(try ledger.unfinished(batchId: batch.id) == (pending: 1, running: 1))
            let again = try #require(try ledger.claim(batchId: batch.id, owner: "c", leaseSeconds: 60))
            #expect(again.window.label == b.window.label)
        }
    }

    @Test func twoWorkerProcessesShareABatchWithTheSameRetriesAsOneRunner() async throws {
        try await withLedger { ledger, _, _ in
            let dir = try temporaryDirectory()
            let (batch, windows) = try plannedBatch(symbols: ["A", "B", "C", "D"], batchDir: dir)
            try ledger.create(batch, windows: windows)
            let script: [String: [FailureClass]] = [
                windows[0].label: [.transient],
                windows[1].label: [.modelError],
                windows[2].label: [.transient, .transient, .transient],
            ]
            let trainer = ScriptedTraining(script: script)
            let runners = (0..<2).map { n in
                ClaimingRunner(ledger: ledger, settings: .init(owner: "worker\(n)", leaseSeconds: 30, workers: 2),
                               attempts: WindowAttempts(trainer: trainer, maxAttempts: 3, backoff: Backoff(base: 0.001, maximum: 0.01),
                                                        cancellation: CancellationFlag()))
            }
            async let one = runners[0].run(batch: batch)
            async let two = runners[1].run(batch: batch)
            let tallies = try await [one, two]
            #expect(tallies.map(\.succeeded).reduce(0, +) == windows.count - 2)
            #expect(tallies.map(\.failed).reduce(0, +) == 2)
            #expect(tallies.map(\.retries).reduce(0, +) == 3)
            let read = try ledger.windows(batchId: batch.id)
            #expect(read.map(\.status) == [.success, .failed, .failed] + Array(repeating: .success, count: windows.count - 3))
            #expect(read.map(\.attempts) == [2, 1, 3] + Array(repeating: 1, count: windows.count - 3))
            for w in read where w.status == .success {
                #expect(w.artifactsPath == dir.appendingPathComponent(w.label).path)
                #expect(FileManager.default.contents(atPath: w.artifactsPath! + "/model.txt") == Data("model for \(w.label)".utf8))
            }
            // Only the claims' own directories were temporary, and none is left.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") } == [])
            let final = try #require(try ledger.finishBatch(batch.id) { b in
                StatusPolicy.status(succeeded: b.succeeded, failed: b.failed, maxFailureRate: 0.15, interrupted: false)
            })
            #expect(final.status == .failed && final.retries == 3)
        }
    }
}

/// Runs blocking ledger calls on a thread of their own, never on the test's cooperative pool.
func runOnThread(_ body: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        Thread.detachNewThread {
            body()
            done.resume()
        }
    }
}
