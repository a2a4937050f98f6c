import Batch
import Foundation
import LightGBM
import MarketData
import PostgresLedger
import Teacher

/// What `sensequant worker` was asked to do.
public struct WorkerRequest: Sendable {
    /// The shared data root: its cache is read, artifacts are written under the batch directory.
    public var root: DataRoot
    public var ledger: LedgerChoice
    /// nil: every batch planned for workers, oldest first.
    public var batchId: String?
    /// Windows trained at once in this process.
    public var workers: Int
    /// How long a claimed window stays this worker's without a heartbeat.
    public var leaseSeconds = 60
    /// Keep waiting for new batches once nothing is left to claim.
    public var follow = false
    public var backoff = Backoff()

    public init(root: DataRoot, ledger: LedgerChoice, batchId: String?, workers: Int) {
        self.root = root
        self.ledger = ledger
        self.batchId = batchId
        self.workers = workers
    }
}

/// `sensequant worker`: claims windows of planned batches from the shared ledger until none is
/// left, training each exactly as `train` would. The worker that finds a batch finished sets its
/// final status (the same policy as `train`) and writes its reports.
public struct WorkerFlow: Sendable {
    public let request: WorkerRequest

    public init(_ request: WorkerRequest) { self.request = request }

    /// Returns `interrupted` when stopped by a signal, else `completed` (this worker's part is done).
    public func run(output out: FlowOutput, cancellation: CancellationFlag) async throws -> BatchStatus {
        let ledger = try LedgerAccess.shared(request.ledger)
        let trainer = try WindowTrainer()
        let owner = Self.ownerName()
        out.say("worker \(owner): ledger \(ledger.location), \(request.workers) thread\(request.workers == 1 ? "" : "s"), lease \(request.leaseSeconds) s",
                event: "worker", fields: ["owner": owner])
        if let id = request.batchId { try checkClaimable(id, ledger) }
        var announcedIdle = false
        while !cancellation.isCancelled {
            let ids = try request.batchId.map { [$0] } ?? ledger.claimableBatches()
            for id in ids where !cancellation.isCancelled {
                try await work(on: id, ledger: ledger, trainer: trainer, owner: owner, cancellation: cancellation, out)
                announcedIdle = false
            }
            guard request.follow else { break }
            if !announcedIdle {
                out.say("nothing to claim; waiting for new batches (--follow)")
                announcedIdle = true
            }
            for _ in 0..<20 where !cancellation.isCancelled { try await Task.sleep(for: .milliseconds(100)) }
        }
        return cancellation.isCancelled ? .interrupted : .completed
    }

    private func checkClaimable(_ id: String, _ ledger: PostgresLedger) throws {
        guard let batch = try ledger.batch(id: id) else {
            let known = try ledger.batches().prefix(5).map(\.id)
            throw RequestError.usage("no batch \(id) in \(ledger.location)" + (known.isEmpty ? "" : " (known: \(known.joined(separator: ", ")))"),
                                     fix: "plan one with `sensequant train --plan-only --ledger URL ...`")
        }
        if batch.status == .running, let pid = batch.pid {
            throw RequestError.usage("batch \(id) is being trained by one `train` process (pid \(pid)), not by workers",
                                     fix: "let it finish; plan batches for workers with `train --plan-only`")
        }
    }

    private func work(on id: String, ledger: PostgresLedger, trainer: WindowTrainer, owner: String,
                      cancellation: CancellationFlag, _ out: FlowOutput) async throws {
        guard let batch = try ledger.batch(id: id) else { return }
        guard batch.status == .running else {
            out.say("batch \(id) is already \(batch.status.rawValue): nothing to claim")
            return
        }
        guard FileManager.default.fileExists(atPath: batch.batchDir) else {
            throw RequestError.input("batch \(id)'s directory \(batch.batchDir) is not on this machine",
                                     fix: "mount the shared data root at the same path on every worker (see docs/distributed.md)")
        }
        let parameters = try batch.decodedParameters()
        let calendar = try TradingCalendar.nse()
        let mappings = try SymbolMappings.load(dataDir: request.root.url)
        let preflight = Preflight(teacher: parameters.teacherConfig, calendar: calendar, listingDates: mappings.listingDates,
                                  dataDir: request.root.dataDirArgument)
        // The batch's recorded LightGBM threads, whatever this worker's --workers: the same models everywhere.
        var trainer = trainer
        trainer.lightgbmThreads = parameters.lightgbmThreads ?? 1
        let training = CachedBarsTraining(base: TeacherTraining(trainer: trainer, config: parameters.teacherConfig, calendar: calendar),
                                          cache: request.root.cache, interval: parameters.interval, preflight: preflight)
        let attempts = WindowAttempts(trainer: training, maxAttempts: parameters.maxAttempts, backoff: request.backoff,
                                      cancellation: cancellation, completingRemedy: preflight.completing)
        let runner = ClaimingRunner(ledger: ledger, settings: .init(owner: owner, leaseSeconds: request.leaseSeconds, workers: request.workers),
                                    attempts: attempts)
        out.say("batch \(id): claiming windows", event: "batch", fields: ["batch_id": id])
        let tally = try await runner.run(batch: batch)
        out.say("batch \(id): this worker trained \(tally.succeeded), skipped \(tally.skipped), failed \(tally.failed); \(tally.retries) retries"
                + (tally.lost > 0 ? "; \(tally.lost) claim\(tally.lost == 1 ? "" : "s") lost to other workers (expired leases)" : ""),
                event: "worker-batch", fields: ["batch_id": id, "succeeded": tally.succeeded, "skipped": tally.skipped,
                                                "failed": tally.failed, "retries": tally.retries, "lost": tally.lost])
        if let stopped = tally.stopped {
            // Pending windows stay pending: the batch resumes once the library can use the device.
            throw RequestError.input("batch \(id): \(stopped)", fix: DeviceSupport.remedy)
        }
        guard !cancellation.isCancelled else { return }
        let decide: (BatchRecord) -> BatchStatus = { b in
            StatusPolicy.status(succeeded: b.succeeded, failed: b.failed, maxFailureRate: parameters.maxFailureRate, interrupted: false)
        }
        if let final = try ledger.finishBatch(id, decide: decide) {
            // No window is running now: any temporary directory left is a killed worker's.
            BatchSession.removeAbandonedArtifacts(in: URL(fileURLWithPath: final.batchDir))
            try BatchOutputs.write(final, ledger: ledger, root: request.root, library: trainer.library, out)
            out.say(String(format: "batch %@ %@: %d trained, %d skipped, %d failed of %d windows; %d retries",
                           final.id, final.status.rawValue, final.succeeded, final.skipped, final.failed, final.total, final.retries),
                    event: "finished", fields: ["batch_id": final.id, "status": final.status.rawValue, "succeeded": final.succeeded,
                                                "skipped": final.skipped, "failed": final.failed, "total": final.total])
        }
    }

    /// `host:pid:random`: unique per process, readable in the ledger (`lease_owner`).
    static func ownerName() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        let suffix = UUID().uuidString.prefix(6).lowercased()
        return "\(host):\(ProcessInfo.processInfo.processIdentifier):\(suffix)"
    }
}
