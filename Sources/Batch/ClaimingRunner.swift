import Foundation
import MarketData
import Synchronization

/// A worker process's side of a shared batch: `workers` threads each claim a window, train it
/// (the same attempts and retries as `BatchRunner`), and record it only while they hold its
/// lease; a heartbeat thread renews the leases. A thread that finds nothing to claim waits
/// while other workers still hold windows (a lease that expires makes its window claimable
/// again) and ends when the batch has no pending or running window left.
public final class ClaimingRunner: Sendable {
    public struct Settings: Sendable {
        /// Identifies this process in the ledger (`host:pid:random`).
        public var owner: String
        public var leaseSeconds: Int
        public var workers: Int

        public init(owner: String, leaseSeconds: Int, workers: Int) {
            self.owner = owner
            self.leaseSeconds = max(1, leaseSeconds)
            self.workers = max(1, workers)
        }

        /// Renew three times per lease, so one late heartbeat never loses a window.
        var heartbeat: Duration { .milliseconds(leaseSeconds * 1000 / 3) }
        /// How often an idle thread looks again while others hold windows: often enough that the
        /// batch's last window is not followed by a long idle wait (one cheap count per look).
        var poll: Duration { .milliseconds(min(200, leaseSeconds * 250)) }
    }

    /// What this process did to one batch.
    public struct Tally: Sendable, Equatable {
        public var succeeded = 0
        public var skipped = 0
        public var failed = 0
        public var retries = 0
        /// Windows whose claim was lost to another worker before they were recorded.
        public var lost = 0
        /// Why this worker stopped claiming before the batch was done (`BatchStop`), if it did.
        public var stopped: String?
        public var claimed: Int { succeeded + skipped + failed + lost }
    }

    let ledger: any SharedLedger
    let settings: Settings
    let attempts: WindowAttempts
    let onWindow: @Sendable (WindowRecord, Tally) -> Void

    private struct State {
        /// Claiming threads and the heartbeat.
        var threadsRunning = 0
        var claimingThreads = 0
        var tally = Tally()
        var firstError: Error?
    }

    private let state = Mutex(State())

    public init(ledger: any SharedLedger, settings: Settings, attempts: WindowAttempts,
                onWindow: @escaping @Sendable (WindowRecord, Tally) -> Void = { _, _ in }) {
        self.ledger = ledger
        self.settings = settings
        self.attempts = attempts
        self.onWindow = onWindow
    }

    /// Works on `batch` until nothing is left to claim (or cancellation). Throws the first
    /// ledger error (the server went away): every thread then stops, and the windows they held
    /// are claimed again once their leases expire.
    public func run(batch: BatchRecord) async throws -> Tally {
        let threads = settings.workers
        state.withLock { $0 = State(threadsRunning: threads + 1, claimingThreads: threads) }
        await withCheckedContinuation { (allDone: CheckedContinuation<Void, Never>) in
            let finished: @Sendable () -> Void = { [self] in
                if state.withLock({ $0.threadsRunning -= 1; return $0.threadsRunning }) == 0 { allDone.resume() }
            }
            for _ in 0..<threads {
                Thread.detachNewThread { [self] in
                    do { try work(batch) } catch { fail(error) }
                    state.withLock { $0.claimingThreads -= 1 }
                    finished()
                }
            }
            Thread.detachNewThread { [self] in
                heartbeat()
                finished()
            }
        }
        return try state.withLock { s in
            if let e = s.firstError { throw e }
            return s.tally
        }
    }

    private var stopping: Bool {
        attempts.cancellation.isCancelled || state.withLock { $0.firstError != nil || $0.tally.stopped != nil }
    }

    private func fail(_ error: Error) {
        state.withLock { s in
            if s.firstError == nil { s.firstError = error }
        }
    }

    private func work(_ batch: BatchRecord) throws {
        let batchDir = URL(fileURLWithPath: batch.batchDir)
        while !stopping {
            guard let claim = try ledger.claim(batchId: batch.id, owner: settings.owner, leaseSeconds: settings.leaseSeconds) else {
                let (pending, running) = try ledger.unfinished(batchId: batch.id)
                if pending == 0 && running == 0 { return }
                Thread.sleep(forTimeInterval: settings.poll.inSeconds)
                continue
            }
            if stopping {
                try ledger.release(batchId: batch.id, label: claim.window.label, claim: claim.token)
                return
            }
            try train(claim, batchDir: batchDir, run: batch.runs)
        }
    }

    /// Trains into a directory of this claim's own; only the claim's holder moves it into place.
    private func train(_ claim: WindowClaim, batchDir: URL, run: Int) throws {
        let staging = batchDir.appendingPathComponent(".tmp-claim-\(claim.token)")
        let final = batchDir.appendingPathComponent(claim.window.label)
        defer { try? FileManager.default.removeItem(at: staging) }
        let ledger = ledger
        // The trainer reads the window's own bars (`CachedBarsTraining`).
        let outcome = try attempts.run(claim.window, bars: BarSeries(), directory: staging, run: run) { a, w, last in
            guard last else { return try ledger.record(a, window: w, claim: claim.token) }
            var w = w
            if w.status == .success { w.artifactsPath = final.path }
            return try ledger.finish(a, window: w, claim: claim.token) {
                if w.status == .success { try AtomicFile.moveDirectory(staging, to: final) }
            }
        }
        let tally = state.withLock { s in
            switch outcome?.window.status {
            case .success: s.tally.succeeded += 1
            case .skipped: s.tally.skipped += 1
            case .failed: s.tally.failed += 1
            default: s.tally.lost += 1
            }
            s.tally.retries += outcome?.retries ?? 0
            if s.tally.stopped == nil, let window = outcome?.window { s.tally.stopped = BatchStop.reason(window) }
            return s.tally
        }
        onWindow(outcome?.window ?? claim.window, tally)
    }

    private func heartbeat() {
        var next = ContinuousClock.now + settings.heartbeat
        while true {
            if state.withLock({ $0.claimingThreads == 0 || $0.firstError != nil }) { return }
            if ContinuousClock.now < next {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            do {
                try ledger.renewLeases(owner: settings.owner, leaseSeconds: settings.leaseSeconds)
            } catch {
                fail(error)
                return
            }
            next = ContinuousClock.now + settings.heartbeat
        }
    }
}
