import Batch
import Foundation
import Ingest
import LightGBM
import MarketData
import Reports
import Teacher

/// Drives one run of a batch and says what is happening at each stage.
struct BatchDriver {
    let session: BatchSession
    let trainer: WindowTrainer
    let out: BatchConsole
    let workers: Int
    let preflight: Bool
    let strictPreflight: Bool
    let faults: [FaultInjectingTraining.Fault]
    let backoff: Backoff
    let started: Date
    /// With `--auto-fetch`: fetches what preflight finds missing, then preflight runs again.
    var autoFetch: Fetcher? = nil

    /// Runs the batch; if anything fails on the way, the batch is left `interrupted` (resumable), never `running`.
    /// SIGINT/SIGTERM at any stage stop it cleanly: no new windows start, the batch is `interrupted`.
    func run() async throws -> BatchStatus {
        let cancellation = CancellationFlag()
        let trap = SignalTrap(cancellation: cancellation) { [out] in
            out.say("interrupt: finishing running windows, starting no more (again to quit at once)")
        }
        defer { trap.release() }
        do {
            return try await runStages(cancellation)
        } catch {
            out.finishLiveLine()
            if let final = try? session.finish(interrupted: true, started: started) {
                try? writeOutputs(final)
                out.say("batch \(final.id) stopped: \(error); to continue: sensequant train --resume \(final.id)\(dataDirFlag)")
            }
            throw error
        }
    }

    private func runStages(_ cancellation: CancellationFlag) async throws -> BatchStatus {
        let batch = session.batch
        out.say("batch \(batch.id)", event: "batch", fields: ["batch_id": batch.id, "run": batch.runs])
        out.say("  directory \(batch.batchDir)")
        out.say("  ledger    \(session.ledger.path.path)")
        let pending = try session.pendingWindows()
        var bars = try session.loadBars(for: pending)
        var ready = pending
        if preflight {
            var verdicts = session.check(pending, bars: bars)
            if let fetcher = autoFetch, try await fetchMissing(PreflightSummary(windows: pending, verdicts: verdicts, preflight: session.preflight), with: fetcher) {
                bars = try session.loadBars(for: pending)
                verdicts = session.check(pending, bars: bars)
            }
            ready = try session.recordPreflight(verdicts, windows: pending)
            reportPreflight(PreflightSummary(windows: pending, verdicts: verdicts, preflight: session.preflight), of: pending.count)
            if strictPreflight && ready.count < pending.count {
                let final = try session.finish(interrupted: false, started: started, status: .failed)
                out.say("strict preflight: stopping before training. Fix the data, then: sensequant train --resume \(final.id)\(dataDirFlag)")
                try writeOutputs(final)
                return final.status
            }
        } else {
            out.say("preflight: off (--no-preflight); \(pending.count) windows go straight to training")
        }
        try train(ready, bars: bars, cancellation: cancellation)
        let final = try session.finish(interrupted: cancellation.isCancelled, started: started)
        try writeOutputs(final)
        summarize(final)
        return final.status
    }

    private func train(_ windows: [WindowRecord], bars: [String: BarSeries], cancellation: CancellationFlag) throws {
        guard !windows.isEmpty else {
            out.say("nothing to train")
            return
        }
        out.say("training \(windows.count) window\(windows.count == 1 ? "" : "s") with \(workers) worker\(workers == 1 ? "" : "s")")
        var trainer: WindowTraining = TeacherTraining(trainer: self.trainer, config: session.parameters.teacherConfig)
        if !faults.isEmpty { trainer = FaultInjectingTraining(base: trainer, faults: faults) }
        out.trainingStarted()
        try session.train(windows, bars: bars, trainer: trainer, workers: workers, cancellation: cancellation,
                          backoff: backoff, onProgress: { [out] in out.update($0) })
        out.finishLiveLine()
    }

    /// Fetches every fixable group's data range; true when anything was fetched.
    private func fetchMissing(_ summary: PreflightSummary, with fetcher: Fetcher) async throws -> Bool {
        let groups = summary.groups.filter { $0.command != nil }
        guard !groups.isEmpty else { return false }
        var fetched = 0
        for g in groups {
            guard let range = session.preflight.dataRange(for: [g.range]) else { continue }
            out.say("auto-fetch: \(g.fetchableSymbols.joined(separator: " ")) \(range) (\(g.failureClass.rawValue))", event: "auto-fetch")
            let report = try await fetcher.fetch(symbols: g.fetchableSymbols, range: range, interval: session.parameters.interval)
            for line in FetchReportText.summary(report).split(separator: "\n") { out.say("  " + line) }
            fetched += report.daysFetched
            if report.stoppedBy != nil { break }
        }
        return fetched > 0
    }

    private func reportPreflight(_ summary: PreflightSummary, of total: Int) {
        out.say("preflight: \(summary.ready) of \(total) windows ready, \(summary.skipped) skipped",
                event: "preflight", fields: ["ready": summary.ready, "skipped": summary.skipped])
        for line in summary.lines { out.say("  " + line) }
    }

    private func writeOutputs(_ batch: BatchRecord) throws {
        let windows = try session.windows()
        let hyper = (try? TeacherParameters.resolve(overrides: session.parameters.lightgbmOverrides,
                                                    library: LightGBMLibrary.shared()).dictionary)
        try CompatibleExports.writeTeacherRuns(batch: batch, windows: windows, hyperparameters: hyper ?? session.parameters.lightgbmOverrides)
        try CompatibleExports.writeBatchState(batch: batch, windows: windows, stateDir: session.root.state)
        do {
            let files = try ReportWriter.writeAll(batchId: batch.id, ledger: session.ledger, to: session.batchDir,
                                                  dataDirectory: session.root.displayPath)
            out.say("report \(files.map(\.path).first { $0.hasSuffix(".html") } ?? files[0].path)", event: "report",
                    fields: ["files": files.map(\.path)])
        } catch {
            // The ledger is the record; a report that cannot be written is regenerated with `sensequant report`.
            out.say("warning: could not write the report (\(error)); run: sensequant report \(batch.id)\(dataDirFlag)")
        }
    }

    private func summarize(_ b: BatchRecord) {
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
            out.say("to retry what did not succeed: sensequant train --resume \(b.id)\(dataDirFlag)")
        }
    }

    private var dataDirFlag: String { session.root.dataDirFlag }
}
