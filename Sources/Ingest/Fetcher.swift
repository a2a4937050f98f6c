import Breeze
import Foundation
import MarketData

/// The resumable fetch engine: plans chunks under the 1000-candle cap, fetches only days the
/// cache does not hold, respects a per-minute and a per-day request budget, retries only
/// transient failures, stops at once on auth or quota, and writes every answered chunk to the
/// cache before moving on (so any stop leaves a resumable cache).
public struct Fetcher: Sendable {
    public let provider: any HistoricalProvider
    public let cache: BarCache
    public let calendar: TradingCalendar
    public let mappings: SymbolMappings
    public let limits: FetchLimits
    /// Where the day's request count is kept (`<data-dir>/state/<provider>_usage.json`).
    public let usageFile: URL?
    /// Named in the "no Breeze code" error.
    public let mappingsFile: String
    public let today: @Sendable () -> CalendarDay

    public init(provider: any HistoricalProvider, cache: BarCache, calendar: TradingCalendar, mappings: SymbolMappings,
                limits: FetchLimits, usageFile: URL? = nil, mappingsFile: String = "<data-dir>/symbol_mappings.json",
                today: @escaping @Sendable () -> CalendarDay = { CalendarDay.today() }) {
        self.provider = provider
        self.cache = cache
        self.calendar = calendar
        self.mappings = mappings
        self.limits = limits
        self.usageFile = usageFile
        self.mappingsFile = mappingsFile
        self.today = today
    }

    /// Fetches `symbols` over `range`. Throws only before any request (unmapped symbols,
    /// unreadable cache or state); everything after is in the report.
    public func fetch(symbols: [String], range: DayRange, interval: Interval, force: Bool = false,
                      progress: (@Sendable (FetchProgress) -> Void)? = nil) async throws -> FetchReport {
        let started = ContinuousClock.now
        let plan = try plan(symbols: symbols, range: range, interval: interval, force: force)
        let run = FetchRun(plan: plan)
        if plan.chunkCount > 0 {
            let requester = ChunkRequester(
                provider: provider, run: run, retry: limits.retry,
                bucket: limits.requestsPerMinute.map { TokenBucket(requestsPerMinute: $0) },
                budget: try DailyCallBudget(limit: limits.dailyBudget, file: usageFile, today: today)
            )
            if await requester.prepare() {
                await fetchAll(plan, requester: requester, run: run, progress: progress)
            } else {
                for symbolPlan in plan.symbols { await notAttempted(symbolPlan.chunks, run: run, progress: progress) }
            }
        }
        let elapsed = ContinuousClock.now - started
        return FetchReport(
            interval: interval, requestedRange: range, fetchableRange: plan.fetchableRange,
            symbols: await plan.symbols.asyncMap { await run.summaries[$0.symbol]! },
            failures: await run.failures, stoppedBy: await run.stop, requests: await run.requests,
            elapsedSeconds: elapsed.inSeconds, quarantined: plan.symbols.flatMap(\.quarantined)
        )
    }

    private func fetchAll(_ plan: FetchPlan, requester: ChunkRequester, run: FetchRun, progress: (@Sendable (FetchProgress) -> Void)?) async {
        await withTaskGroup(of: Void.self) { group in
            var pending = plan.symbols.filter { !$0.chunks.isEmpty }[...]
            for _ in 0..<min(limits.concurrency, pending.count) {
                let next = pending.removeFirst()
                group.addTask { await fetchSymbol(next, requester: requester, run: run, progress: progress) }
            }
            while await group.next() != nil, let next = pending.popFirst() {
                group.addTask { await fetchSymbol(next, requester: requester, run: run, progress: progress) }
            }
        }
    }

    /// One symbol's chunks in order. A full answer (exactly the cap) may be truncated: it is
    /// discarded and its chunk fetched again in halves.
    private func fetchSymbol(_ plan: SymbolPlan, requester: ChunkRequester, run: FetchRun, progress: (@Sendable (FetchProgress) -> Void)?) async {
        var queue = Array(plan.chunks.reversed())
        while let chunk = queue.popLast() {
            if await run.isStopped {
                await notAttempted([chunk] + queue.reversed(), run: run, progress: progress)
                return
            }
            let outcome = await requester.request(chunk)
            switch outcome {
            case .bars(let series, _) where series.count >= limits.candleCap && chunk.days.count > 1:
                let (first, second) = chunk.halves()!
                queue.append(second)
                queue.append(first)
                await run.addChunk()
            case .bars(let series, let attempts):
                do {
                    let stored = try store(series, chunk: chunk)
                    notify(await run.fetched(chunk, daysWithBars: stored.days, bars: stored.bars), to: progress)
                } catch {
                    let failure = ChunkFailure(chunk: chunk, failureClass: (error as? ClassifiedError)?.failureClass ?? .internal,
                                               reason: "cache write failed: \(error)", attempts: attempts)
                    notify(await run.failed(failure), to: progress)
                    await notAttempted(queue.reversed(), run: run, progress: progress, reason: "not attempted: earlier cache write failed")
                    return
                }
            case .noData:
                notify(await run.empty(chunk), to: progress)
            case .failed(let failure):
                notify(await run.failed(failure), to: progress)
            }
        }
    }

    /// Writes the bars that fall on the chunk's days; every day of the chunk is recorded as
    /// fetched (those without bars with zero rows), since the answer covered them.
    private func store(_ series: BarSeries, chunk: FetchChunk) throws -> (days: Int, bars: Int) {
        let inRange = series.slice(chunk.range)
        try cache.write(inRange, symbol: chunk.symbol, interval: chunk.interval, source: provider.dataSource,
                        fetchedAt: Date(), coveredDays: chunk.days)
        let chunkDays = Set(chunk.days)
        return (inRange.days.filter(chunkDays.contains).count, inRange.count)
    }

    private func notAttempted(_ chunks: [FetchChunk], run: FetchRun, progress: (@Sendable (FetchProgress) -> Void)?,
                              reason: String? = nil) async {
        let stop = await run.stop
        for chunk in chunks {
            let why = reason ?? "not attempted: run stopped (\(stop?.message ?? "cancelled"))"
            notify(await run.failed(ChunkFailure(chunk: chunk, failureClass: stop?.failureClass ?? .internal, reason: why, attempts: 0)), to: progress)
        }
    }
}

/// Sends a progress snapshot to the optional callback. (The snapshot is always taken: it is
/// also the run's bookkeeping, so it must not sit inside an optional call's arguments.)
private func notify(_ snapshot: FetchProgress, to progress: (@Sendable (FetchProgress) -> Void)?) {
    progress?(snapshot)
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async -> T) async -> [T] {
        var out: [T] = []
        for element in self { out.append(await transform(element)) }
        return out
    }
}
