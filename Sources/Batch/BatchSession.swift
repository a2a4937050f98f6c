import Foundation
import MarketData
import SystemIO
import Teacher

public struct BatchSessionError: ClassifiedError {
    public var failureClass: FailureClass { .invalidInput }
    public var description: String
    public var remedy: Remedy?
}

/// One batch's life: created (or resumed) in the ledger, bars loaded once, preflight, training,
/// and the final status. The command line drives it; every state change lands in the ledger.
public final class BatchSession {
    public let root: DataRoot
    public let ledger: any LedgerStore
    public let preflight: Preflight
    public private(set) var batch: BatchRecord
    public private(set) var run: Int
    /// The recorded parameters (decoded once; a batch never changes them).
    public let parameters: BatchParameters
    public var batchDir: URL { URL(fileURLWithPath: batch.batchDir) }

    init(root: DataRoot, ledger: any LedgerStore, calendar: TradingCalendar, mappings: SymbolMappings,
         parameters: BatchParameters, batch: BatchRecord) {
        self.root = root
        self.parameters = parameters
        self.ledger = ledger
        self.batch = batch
        self.run = batch.runs
        self.preflight = Preflight(teacher: parameters.teacherConfig, calendar: calendar, listingDates: mappings.listingDates,
                                   dataDir: root.dataDirArgument,
                                   unmapped: Set(batch.decodedSymbols().filter { mappings.breezeCode(for: $0) == nil }))
    }

    // MARK: Creating and resuming

    /// Plans the windows and records the new batch (every window `pending`).
    public static func create(root: DataRoot, ledger: any LedgerStore, calendar: TradingCalendar, mappings: SymbolMappings,
                              symbols: [String], universe: String?,
                              parameters: BatchParameters, workers: Int, now: Date = Date()) throws -> BatchSession {
        let planned = WindowPlanner.plan(symbols: symbols, start: parameters.startDate, end: parameters.endDate,
                                         windowDays: parameters.windowDays, stepDays: parameters.stepDays)
        guard !planned.isEmpty else {
            throw BatchSessionError(description: "no windows to train: \(parameters.startDate)..\(parameters.endDate) is shorter than \(WindowPlanner.minimumWindowDays) days",
                                    remedy: .advice("widen --start-date/--end-date"))
        }
        let (id, dirName) = try uniqueBatchId(ledger: ledger, now: now)
        let batch = BatchRecord(
            id: id, createdAt: now, status: .running, parameters: try encode(parameters), symbols: try encode(symbols),
            universe: universe, batchDir: root.models.appendingPathComponent(dirName).path, logPath: nil,
            total: planned.count, succeeded: 0, skipped: 0, failed: 0, retries: 0, workers: workers, runs: 1,
            pid: Int(ProcessInfo.processInfo.processIdentifier), pidStartTime: ProcessIdentity.currentStartTime.map(Int64.init),
            startedAt: now, finishedAt: nil, durationSeconds: 0)
        try FileManager.default.createDirectory(atPath: batch.batchDir, withIntermediateDirectories: true)
        let windows = planned.enumerated().map { WindowRecord(batchId: id, ordinal: $0, window: $1) }
        try ledger.create(batch, windows: windows)
        return BatchSession(root: root, ledger: ledger, calendar: calendar, mappings: mappings,
                            parameters: parameters, batch: batch)
    }

    /// Reopens a batch to rerun exactly the windows that did not succeed.
    public static func resume(root: DataRoot, ledger: any LedgerStore, calendar: TradingCalendar, mappings: SymbolMappings,
                              batchId: String, workers: Int,
                              now: Date = Date()) throws -> BatchSession {
        guard var batch = try ledger.batch(id: batchId) else {
            let known = try ledger.batches().prefix(5).map(\.id)
            throw BatchSessionError(description: "no batch \(batchId) in \(ledger.location)"
                                        + (known.isEmpty ? " (it holds none yet)" : " (known: \(known.joined(separator: ", ")))"),
                                    remedy: .listBatches(dataDir: root.dataDirArgument))
        }
        if batch.isRunningElsewhere, let pid = batch.pid {
            throw BatchSessionError(description: "batch \(batchId) is running now (process \(pid))",
                                    remedy: .advice("wait for it to finish, or stop it (Ctrl-C, or kill \(pid)) and resume then"))
        }
        batch.status = .running
        batch.runs += 1
        batch.workers = workers
        batch.pid = Int(ProcessInfo.processInfo.processIdentifier)
        batch.pidStartTime = ProcessIdentity.currentStartTime.map(Int64.init)
        batch.startedAt = now
        batch.finishedAt = nil
        try ledger.save(batch)
        for var w in try ledger.windows(batchId: batchId) where w.status != .success {
            w.status = .pending
            try ledger.save(w)
        }
        removeAbandonedArtifacts(in: URL(fileURLWithPath: batch.batchDir))
        return BatchSession(root: root, ledger: ledger, calendar: calendar, mappings: mappings,
                            parameters: try batch.decodedParameters(), batch: batch)
    }

    // MARK: Stages

    public func windows() throws -> [WindowRecord] { try ledger.windows(batchId: batch.id) }

    public func pendingWindows() throws -> [WindowRecord] { try windows().filter { $0.status == .pending } }

    /// The bars every window of `windows` may need, one range for all (warm-up and look-ahead
    /// margins included), so a symbol's windows all see the same series.
    func dataRange(for windows: [WindowRecord]) -> DayRange? {
        preflight.dataRange(for: windows.compactMap { $0.window?.range })
    }

    /// Verdicts for `windows`, keyed by label. Nothing is recorded. Symbols are read a few at a
    /// time and dropped once their windows are checked, so memory holds a few symbols, not all.
    public func check(_ windows: [WindowRecord]) async throws -> [String: PreflightVerdict] {
        guard let range = dataRange(for: windows) else { return [:] }
        let bySymbol = Dictionary(grouping: windows, by: \.symbol)
        let (cache, interval, preflight) = (root.cache, parameters.interval, preflight)
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var out: [String: PreflightVerdict] = [:]
        let symbols = bySymbol.keys.sorted()
        for start in stride(from: 0, to: symbols.count, by: width) {
            let results = try await withThrowingTaskGroup(of: [String: PreflightVerdict].self) { group in
                for symbol in symbols[start..<min(symbols.count, start + width)] {
                    let ws = bySymbol[symbol]!
                    group.addTask {
                        do {
                            let bars = try cache.load(symbol: symbol, interval: interval, range: range)
                            return Self.verdicts(ws) { preflight.check($0, bars: bars) }
                        } catch BarCacheError.corrupt(let damage) {
                            // One damaged file is a skip of that symbol's windows, never the batch's end.
                            return Self.verdicts(ws) { preflight.damaged($0, damage) }
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for verdicts in results { out.merge(verdicts) { $1 } }
        }
        return out
    }

    private static func verdicts(_ windows: [WindowRecord], _ verdict: (PlannedWindow) -> PreflightVerdict) -> [String: PreflightVerdict] {
        var out: [String: PreflightVerdict] = [:]
        for w in windows { if let window = w.window { out[w.label] = verdict(window) } }
        return out
    }

    /// Records the skips of a preflight; returns the windows that are ready.
    public func recordPreflight(_ verdicts: [String: PreflightVerdict], windows: [WindowRecord]) throws -> [WindowRecord] {
        var ready: [WindowRecord] = []
        for var w in windows {
            switch verdicts[w.label] {
            case .skip(let c, let reason, let remedy):
                w.status = .skipped
                w.failureClass = c
                w.reason = reason
                w.remedy = remedy
                w.finishedAt = Date()
                try ledger.save(w)
            case .ready, nil:
                ready.append(w)
            }
        }
        return ready
    }

    /// Trains `windows` and returns why training stopped before the last window (`BatchStop`),
    /// if it did. Each symbol's bars are read when its first window starts and released
    /// after its last (`SymbolBars`), so memory holds about `workers` symbols at a time.
    public func train(_ windows: [WindowRecord], trainer: WindowTraining, workers: Int,
                      cancellation: CancellationFlag, backoff: Backoff = Backoff(),
                      onProgress: @escaping @Sendable (RunProgress) -> Void = { _ in }) async throws -> String? {
        let preflight = preflight
        let runner = BatchRunner(ledger: ledger, trainer: trainer, workers: workers,
                                 maxAttempts: parameters.maxAttempts, backoff: backoff, cancellation: cancellation,
                                 completingRemedy: preflight.completing, onProgress: onProgress)
        let (cache, interval) = (root.cache, parameters.interval)
        guard let range = dataRange(for: windows) else { return nil }
        let bars = SymbolBars(windows: Dictionary(grouping: windows, by: \.symbol).mapValues(\.count)) { symbol in
            try cache.load(symbol: symbol, interval: interval, range: range)
        }
        try await runner.run(windows, bars: bars, batchDir: batchDir, run: run)
        return runner.stopReason
    }

    /// Recounts from the ledger, sets the final status, and returns the batch. `status` overrides
    /// the policy (a strict preflight that found skips ends the batch as `failed`, resumable).
    @discardableResult
    public func finish(interrupted: Bool, started: Date, status: BatchStatus? = nil, now: Date = Date()) throws -> BatchRecord {
        let counted = try ledger.batch(id: batch.id)!
        batch.succeeded = counted.succeeded
        batch.failed = counted.failed
        batch.skipped = counted.skipped
        batch.retries = counted.retries
        batch.status = status ?? StatusPolicy.status(succeeded: batch.succeeded, failed: batch.failed,
                                                     maxFailureRate: parameters.maxFailureRate, interrupted: interrupted)
        batch.finishedAt = now
        batch.durationSeconds += now.timeIntervalSince(started)
        batch.pid = nil
        batch.pidStartTime = nil
        try ledger.save(batch)
        return batch
    }

    /// Leaves the planned batch to `sensequant worker` processes: no process owns it now.
    public func handOverToWorkers() throws {
        batch.pid = nil
        batch.pidStartTime = nil
        try ledger.save(batch)
    }

    public func setLogPath(_ path: String) throws {
        batch.logPath = path
        try ledger.save(batch)
    }

    // MARK: Helpers

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    /// `batch_YYYYMMDD_HHMMSS` in IST (the original's form), with `_2`, `_3`... on a clash.
    static func uniqueBatchId(ledger: any LedgerStore, now: Date) throws -> (id: String, directory: String) {
        let secs = Int64(now.timeIntervalSince1970)
        let day = CalendarDay(containing: secs)
        let c = day.components
        let t = Int(secs + IST.offsetSeconds - Int64(day.ordinal) * 86_400)
        let stamp = String(format: "%04d%02d%02d_%02d%02d%02d", c.year, c.month, c.day, t / 3600, (t / 60) % 60, t % 60)
        var suffix = ""
        var n = 1
        while try ledger.batchIdExists("batch_\(stamp)\(suffix)") {
            n += 1
            suffix = "_\(n)"
        }
        return ("batch_\(stamp)\(suffix)", stamp + suffix)
    }

    /// Temporary artifact directories left by a killed run are never visible as results; remove them.
    public static func removeAbandonedArtifacts(in dir: URL) {
        for name in PosixFile.list(dir.path) where name.hasPrefix(".tmp-") {
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(name))
        }
    }
}
