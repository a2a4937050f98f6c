import Foundation
import MarketData

/// One window's attempts, shared by the single-process runner and the workers: train, retry
/// only retryable failures (with backoff) up to `maxAttempts`, record every attempt.
public struct WindowAttempts: Sendable {
    public let trainer: WindowTraining
    public let maxAttempts: Int
    public let backoff: Backoff
    public let cancellation: CancellationFlag
    public let completingRemedy: @Sendable (Remedy) -> Remedy

    public init(trainer: WindowTraining, maxAttempts: Int, backoff: Backoff, cancellation: CancellationFlag,
                completingRemedy: @escaping @Sendable (Remedy) -> Remedy = { $0 }) {
        self.trainer = trainer
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
        self.cancellation = cancellation
        self.completingRemedy = completingRemedy
    }

    /// Trains `record` (already marked running) into `directory`. `persist(attempt, window, last)`
    /// records each attempt, `last` when the window's outcome is final; it returns false when the
    /// window is no longer the caller's, which ends the loop with nil.
    public func run(_ record: WindowRecord, bars: BarSeries, directory: URL, run: Int,
                    persist: (AttemptRecord, WindowRecord, _ last: Bool) throws -> Bool) throws -> (window: WindowRecord, retries: Int)? {
        var w = record
        guard let window = w.window else { throw WindowFailure(.internal, "bad dates in ledger for \(w.label)") }
        var retries = 0
        for k in 1...maxAttempts {
            let attempt = w.attempts + 1
            let started = Date()
            let clock = ContinuousClock.now
            do {
                let result = try trainer.train(window, bars: bars, directory: directory)
                let seconds = (ContinuousClock.now - clock).inSeconds
                w.attempts = attempt
                w.status = .success
                w.failureClass = nil
                w.reason = nil
                w.remedy = nil
                w.metrics = result.metricsJSON
                w.sampleCounts = result.sampleCountsJSON
                w.artifactsPath = directory.path
                w.durationSeconds = seconds
                w.finishedAt = Date()
                let a = AttemptRecord(batchId: w.batchId, label: w.label, attempt: attempt, run: run, failureClass: nil,
                                      reason: nil, durationSeconds: seconds, startedAt: started)
                return try persist(a, w, true) ? (w, retries) : nil
            } catch {
                let failure = WindowFailure(classifying: error)
                let seconds = (ContinuousClock.now - clock).inSeconds
                w.attempts = attempt
                w.failureClass = failure.failureClass
                w.reason = failure.message
                w.remedy = failure.remedy.map(completingRemedy)
                w.durationSeconds = seconds
                let retry = failure.failureClass.isRetryable && k < maxAttempts && !cancellation.isCancelled
                if !retry {
                    // With preflight off the teacher finds data problems itself: those are skips.
                    w.status = failure.failureClass.isDataClass ? .skipped : .failed
                    w.finishedAt = Date()
                }
                let a = AttemptRecord(batchId: w.batchId, label: w.label, attempt: attempt, run: run,
                                      failureClass: failure.failureClass, reason: failure.message,
                                      durationSeconds: seconds, startedAt: started)
                guard try persist(a, w, !retry) else { return nil }
                guard retry else { return (w, retries) }
                retries += 1
                Thread.sleep(forTimeInterval: backoff.delay(afterAttempt: k))
            }
        }
        return (w, retries)
    }
}
