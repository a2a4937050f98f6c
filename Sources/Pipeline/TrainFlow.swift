import Batch
import Foundation
import Ingest
import LightGBM
import MarketData
import Reports
import Teacher

/// One run of a batch, new or resumed: plan, preflight (with auto-fetch), training, the
/// compatible exports and the reports. `sensequant train`, the demo and the tests all use it.
public final class TrainFlow {
    public let session: BatchSession
    let request: TrainRequest
    let trainer: WindowTrainer
    let fetcher: Fetcher?
    let started: Date

    /// Checks everything that can be refused before the ledger is touched (dates against the
    /// calendar, the LightGBM library and parameter names, resume conflicts), so a bad request
    /// leaves nothing behind; then creates or reopens the batch.
    public static func start(_ request: TrainRequest, now: Date = Date()) throws -> TrainFlow {
        let root = request.root
        let calendar = try TradingCalendar.nse()
        var trainer = try WindowTrainer()
        var request = request
        if case .new(let symbols, let universe, var p) = request.target {
            _ = try calendar.tradingDays(in: DayRange(p.startDate, p.endDate))
            p.lightgbmThreads = LightGBMThreadPlan.threads(for: p, symbols: symbols.count, workers: request.workers, cores: request.cores)
            do {
                p.lightgbmResolved = try TeacherParameters.resolve(overrides: p.lightgbmOverrides, threads: p.lightgbmThreads ?? 1,
                                                                   library: trainer.library).dictionary
            } catch { throw RequestError.usage(String(describing: error)) }
            request.target = .new(symbols: symbols, universe: universe, parameters: p)
        }
        let fetcher = try request.autoFetch?.makeFetcher(root: root)
        let mappings = try SymbolMappings.load(dataDir: root.url)
        let session: BatchSession
        switch request.target {
        case let .new(symbols, universe, parameters):
            session = try BatchSession.create(root: root, ledger: try LedgerAccess.open(root, request.ledger), calendar: calendar, mappings: mappings,
                                              symbols: symbols, universe: universe, parameters: parameters,
                                              workers: request.workers, now: now)
        case .resume(let id, _):
            guard LedgerAccess.exists(root, request.ledger) else {
                throw RequestError.usage("no batch \(id): there is no ledger in \(root.url.path)",
                                 fix: "pass the --data-dir the batch ran with; the status command lists batches")
            }
            let ledger = try LedgerAccess.open(root, request.ledger)
            try ResumeConflicts.check(ledger: ledger, batchId: id, request: request)
            let held = try ledger.liveLeases(batchId: id)
            guard held == 0 else {
                throw RequestError.usage("batch \(id) is being trained by workers now (\(held) window\(held == 1 ? "" : "s") under a live lease)",
                                         fix: "wait for the workers to finish, or stop them and resume once their leases expire")
            }
            session = try BatchSession.resume(root: root, ledger: ledger, calendar: calendar, mappings: mappings,
                                              batchId: id, workers: request.workers, now: now)
        }
        trainer.lightgbmThreads = session.parameters.lightgbmThreads ?? 1
        return TrainFlow(session: session, request: request, trainer: trainer, fetcher: fetcher, started: now)
    }

    init(session: BatchSession, request: TrainRequest, trainer: WindowTrainer, fetcher: Fetcher?, started: Date) {
        self.session = session
        self.request = request
        self.trainer = trainer
        self.fetcher = fetcher
        self.started = started
    }

    public var logURL: URL { session.batchDir.appendingPathComponent("train.log") }

    /// Runs the batch. If anything fails on the way, the batch is left `interrupted` (resumable),
    /// never `running`. After `cancellation` is set, no new window starts and the batch ends `interrupted`.
    public func run(output: FlowOutput, cancellation: CancellationFlag) async throws -> BatchStatus {
        try? session.setLogPath(logURL.path)
        let out = BatchLog(url: logURL, forwardingTo: output)
        do {
            return try await runStages(out, cancellation)
        } catch {
            out.finishLiveLine()
            if let final = try? session.finish(interrupted: true, started: started) {
                try? writeOutputs(final, out)
                out.say("batch \(final.id) stopped: \(error); to continue: \(resumeCommand)")
            }
            throw error
        }
    }

    private var resumeCommand: String {
        RemedyText.render(.resume(batchId: session.batch.id, dataDir: session.root.dataDirArgument))
    }

    private func runStages(_ out: FlowOutput, _ cancellation: CancellationFlag) async throws -> BatchStatus {
        let batch = session.batch
        out.say("batch \(batch.id)", event: "batch", fields: ["batch_id": batch.id, "run": batch.runs])
        out.say("  directory \(batch.batchDir)")
        out.say("  ledger    \(session.ledger.location)")
        let pending = try session.pendingWindows()
        var ready = pending
        if session.parameters.preflight {
            var verdicts = try await session.check(pending)
            if let fetcher, try await fetchMissing(summary(pending, verdicts), with: fetcher, out) {
                verdicts = try await session.check(pending)
            }
            ready = try session.recordPreflight(verdicts, windows: pending)
            reportPreflight(summary(pending, verdicts), of: pending.count, out)
            if request.strictPreflight && ready.count < pending.count {
                let final = try session.finish(interrupted: false, started: started, status: .failed)
                out.say("strict preflight: stopping before training. Fix the data, then: \(resumeCommand)")
                try writeOutputs(final, out)
                return final.status
            }
        } else {
            // A damaged cache file still ends as a `dataCorrupt` skip with its fix: the runner
            // reads each symbol's bars and classifies a read error like any other failure.
            out.say("preflight: off (--no-preflight); \(pending.count) windows go straight to training")
        }
        if request.planOnly { return try handOver(ready: ready.count, of: pending.count, out) }
        try await train(ready, cancellation: cancellation, out)
        let final = try session.finish(interrupted: cancellation.isCancelled, started: started)
        if final.succeeded > 0, !cancellation.isCancelled, let evaluation = request.evaluation {
            try await evaluate(evaluation(final.id), out)
        }
        try writeOutputs(final, out)
        summarize(final, out)
        return final.status
    }

    /// `--plan-only`: the batch is planned and preflighted; workers (or a resume) train it.
    private func handOver(ready: Int, of total: Int, _ out: FlowOutput) throws -> BatchStatus {
        try session.handOverToWorkers()
        let id = session.batch.id
        if request.ledger.url != nil {
            out.say("planned: \(ready) of \(total) windows wait for workers; start them on any machine that mounts this data root: "
                    + "sensequant worker --batch \(id) --data-dir \(session.root.displayPath) (with --ledger or SENSEQUANT_LEDGER)",
                    event: "planned", fields: ["batch_id": id, "ready": ready])
        } else {
            out.say("planned: \(ready) of \(total) windows wait in the local ledger; train them with: \(resumeCommand)",
                    event: "planned", fields: ["batch_id": id, "ready": ready])
        }
        return .running
    }

    /// An evaluation that fails does not fail the batch: its models stand; `evaluate` reruns it.
    private func evaluate(_ flow: EvaluateFlow, _ out: FlowOutput) async throws {
        do {
            _ = try await flow.run(output: out, library: trainer.library)
        } catch {
            out.say("warning: the out-of-sample evaluation failed (\(error)); run: \(RemedyText.render(.evaluate(batchId: flow.batchId, dataDir: session.root.dataDirArgument)))")
        }
    }

    private func summary(_ windows: [WindowRecord], _ verdicts: [String: PreflightVerdict]) -> PreflightSummary {
        PreflightSummary(windows: windows, verdicts: verdicts, preflight: session.preflight)
    }

    private func train(_ windows: [WindowRecord], cancellation: CancellationFlag, _ out: FlowOutput) async throws {
        guard !windows.isEmpty else {
            out.say("nothing to train")
            return
        }
        let workers = request.workers
        let threads = session.parameters.lightgbmResolved?["num_threads"].flatMap { Int($0) } ?? trainer.lightgbmThreads
        out.say("training \(windows.count) window\(windows.count == 1 ? "" : "s") with \(workers) worker\(workers == 1 ? "" : "s")"
                + (threads > 1 ? ", LightGBM \(threads) threads each (recorded with the batch)" : ""))
        var training: WindowTraining = TeacherTraining(trainer: trainer, config: session.parameters.teacherConfig, calendar: try TradingCalendar.nse())
        if !request.faults.isEmpty { training = FaultInjectingTraining(base: training, faults: request.faults) }
        out.trainingStarted()
        let stopped = try await session.train(windows, trainer: training, workers: workers, cancellation: cancellation,
                                              backoff: request.backoff, onProgress: { out.progress($0) })
        out.finishLiveLine()
        if let stopped {
            out.say("stopped early: \(stopped); fix: \(DeviceSupport.remedy)", event: "stopped", fields: ["reason": stopped])
        }
    }

    /// Fetches every fixable group's data range; true when anything was fetched.
    private func fetchMissing(_ summary: PreflightSummary, with fetcher: Fetcher, _ out: FlowOutput) async throws -> Bool {
        var fetched = 0
        for g in summary.groups {
            guard let fetch = g.fetch else { continue }
            out.say("auto-fetch: \(fetch.symbols.joined(separator: " ")) \(fetch.range) (\(g.failureClass.rawValue))", event: "auto-fetch")
            let report = try await fetcher.fetch(symbols: fetch.symbols, range: fetch.range, interval: fetch.interval)
            for line in FetchReportText.summary(report).split(separator: "\n") { out.say("  " + line) }
            fetched += report.daysFetched
            if report.stoppedBy != nil { break }
        }
        return fetched > 0
    }

    private func reportPreflight(_ summary: PreflightSummary, of total: Int, _ out: FlowOutput) {
        out.say("preflight: \(summary.ready) of \(total) windows ready, \(summary.skipped) skipped",
                event: "preflight", fields: ["ready": summary.ready, "skipped": summary.skipped])
        for line in summary.lines { out.say("  " + line) }
    }

    private func writeOutputs(_ batch: BatchRecord, _ out: FlowOutput) throws {
        try BatchOutputs.write(batch, ledger: session.ledger, root: session.root, library: trainer.library, out)
    }

    private func summarize(_ b: BatchRecord, _ out: FlowOutput) {
        let p = session.parameters
        // Over finished windows, as the report and the seed report count it.
        let finished = b.succeeded + b.skipped + b.failed
        let perWindow = finished > 0 ? b.durationSeconds / Double(finished) : 0
        out.say(String(format: "status %@: %d trained, %d skipped, %d failed of %d windows; %d retries",
                       b.status.rawValue, b.succeeded, b.skipped, b.failed, b.total, b.retries),
                event: "finished", fields: ["status": b.status.rawValue, "succeeded": b.succeeded, "skipped": b.skipped,
                                            "failed": b.failed, "total": b.total, "retries": b.retries])
        out.say(String(format: "failure rate %.1f%% of attempted (threshold %.1f%%), %.1f%% of all windows; %.2f s (%.1f ms per finished window)",
                       b.failureRate * 100, p.maxFailureRate * 100, b.failureRateAllWindows * 100, b.durationSeconds, perWindow * 1000))
        if b.status != .completed {
            out.say("to retry what did not succeed: \(resumeCommand)")
        }
    }
}
