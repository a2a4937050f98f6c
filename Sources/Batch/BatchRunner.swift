import Foundation
import MarketData
import Synchronization

/// Progress of a run, as the runner reports it (from worker threads).
public struct RunProgress: Sendable {
    public var total: Int
    public var done: Int
    public var succeeded: Int
    public var skipped: Int
    public var failed: Int
    public var retries: Int
    public var lastLabel: String
    public var lastStatus: WindowStatus
}

/// Exponential backoff with jitter between attempts of a retryable failure.
public struct Backoff: Sendable {
    public var base: TimeInterval
    public var maximum: TimeInterval

    public init(base: TimeInterval = 0.5, maximum: TimeInterval = 8) {
        self.base = base
        self.maximum = maximum
    }

    /// Delay before attempt `attempt + 1`: base * 2^(attempt-1), capped, with +-25% jitter.
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        let raw = min(maximum, base * pow(2, Double(attempt - 1)))
        return raw * Double.random(in: 0.75...1.25)
    }
}

/// Trains ready windows on `workers` threads, retrying only retryable failures, and records
/// every attempt and outcome in the ledger as it happens. Training blocks (LightGBM), so it runs
/// on threads of its own, never on the concurrency pool; the async caller is resumed when all end.
public final class BatchRunner: Sendable {
    let ledger: any LedgerStore
    let trainer: WindowTraining
    let workers: Int
    let maxAttempts: Int
    let backoff: Backoff
    let cancellation: CancellationFlag
    let onProgress: @Sendable (RunProgress) -> Void
    let completingRemedy: @Sendable (Remedy) -> Remedy

    private struct State {
        var queue: [WindowRecord] = []
        var next = 0
        var threadsRunning = 0
        var progress = RunProgress(total: 0, done: 0, succeeded: 0, skipped: 0, failed: 0, retries: 0, lastLabel: "", lastStatus: .pending)
        var firstError: Error?
        /// Set when a failure would repeat on every window: no window starts after it.
        var stopReason: String?
    }

    private let state = Mutex(State())

    public init(ledger: any LedgerStore, trainer: WindowTraining, workers: Int, maxAttempts: Int, backoff: Backoff = Backoff(),
                cancellation: CancellationFlag, completingRemedy: @escaping @Sendable (Remedy) -> Remedy = { $0 },
                onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }) {
        self.completingRemedy = completingRemedy
        self.ledger = ledger
        self.trainer = trainer
        self.workers = max(1, workers)
        self.maxAttempts = max(1, maxAttempts)
        self.backoff = backoff
        self.cancellation = cancellation
        self.onProgress = onProgress
    }

    /// Runs `windows` (in order of `ordinal`; concurrency does not change any result).
    /// Returns when all are done or, after cancellation, when running ones have finished.
    /// Throws only when the ledger itself cannot be written.
    public func run(_ windows: [WindowRecord], bars: SymbolBars, batchDir: URL, run: Int) async throws {
        let queue = windows.sorted { $0.ordinal < $1.ordinal }
        let threads = min(workers, max(1, queue.count))
        state.withLock { s in
            s = State(queue: queue, threadsRunning: threads)
            s.progress.total = queue.count
        }
        await withCheckedContinuation { (allDone: CheckedContinuation<Void, Never>) in
            for _ in 0..<threads {
                Thread.detachNewThread { [self] in
                    while let window = take() {
                        do {
                            defer { bars.done(window.symbol) }
                            try train(window, bars: Result { try bars.bars(window.symbol) }, batchDir: batchDir, run: run)
                        } catch {
                            fail(error)
                            break
                        }
                    }
                    if state.withLock({ $0.threadsRunning -= 1; return $0.threadsRunning }) == 0 { allDone.resume() }
                }
            }
        }
        if let error = state.withLock({ $0.firstError }) { throw error }
    }

    /// Why the run stopped before its last window (nil when it did not).
    public var stopReason: String? { state.withLock { $0.stopReason } }

    private func take() -> WindowRecord? {
        state.withLock { s in
            guard !cancellation.isCancelled, s.firstError == nil, s.stopReason == nil, s.next < s.queue.count else { return nil }
            s.next += 1
            return s.queue[s.next - 1]
        }
    }

    private func fail(_ error: Error) {
        state.withLock { s in
            if s.firstError == nil { s.firstError = error }
        }
    }

    /// A symbol whose bars cannot be read fails its windows through the same attempts (a
    /// damaged file is `dataCorrupt`, a skip with its fix), never the whole batch.
    private func train(_ record: WindowRecord, bars: Result<BarSeries, Error>, batchDir: URL, run: Int) throws {
        var w = record
        w.status = .running
        try ledger.save(w)
        let loaded: BarSeries, trainer: WindowTraining
        switch bars {
        case .success(let b): (loaded, trainer) = (b, self.trainer)
        case .failure(let error): (loaded, trainer) = (BarSeries(), UnreadableBars(error: error))
        }
        let attempts = WindowAttempts(trainer: trainer, maxAttempts: maxAttempts, backoff: backoff,
                                      cancellation: cancellation, completingRemedy: completingRemedy)
        let ledger = ledger
        let outcome = try attempts.run(w, bars: loaded, directory: batchDir.appendingPathComponent(w.label), run: run) { a, w, _ in
            try ledger.record(a, window: w)
            return true
        }
        if let outcome {
            if let reason = BatchStop.reason(outcome.window) { state.withLock { if $0.stopReason == nil { $0.stopReason = reason } } }
            report(outcome.window, retries: outcome.retries)
        }
    }

    private func report(_ w: WindowRecord, retries: Int) {
        let snapshot = state.withLock { s in
            s.progress.done += 1
            switch w.status {
            case .success: s.progress.succeeded += 1
            case .skipped: s.progress.skipped += 1
            default: s.progress.failed += 1
            }
            s.progress.retries += retries
            s.progress.lastLabel = w.label
            s.progress.lastStatus = w.status
            return s.progress
        }
        onProgress(snapshot)
    }
}

/// The training of a window whose symbol's bars could not be read: every attempt fails with
/// the read error, classified like any other (a damaged file is `dataCorrupt`).
struct UnreadableBars: WindowTraining {
    let error: Error

    func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        throw error
    }
}
