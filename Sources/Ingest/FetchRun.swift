import MarketData

/// Progress of a running fetch, reported after every chunk.
public struct FetchProgress: Sendable {
    public var chunksDone: Int
    public var chunksTotal: Int
    public var daysFetched: Int
    public var requests: Int
    public var lastChunk: FetchChunk?
}

/// The shared, mutable state of one fetch: counts, failures and the stop flag.
actor FetchRun {
    private(set) var summaries: [String: SymbolFetchSummary]
    private(set) var failures: [ChunkFailure] = []
    private(set) var stop: FetchStop?
    private(set) var requests = 0
    private var chunksDone = 0
    private var chunksTotal: Int
    private var daysFetched = 0

    init(plan: FetchPlan) {
        chunksTotal = plan.chunkCount
        var summaries: [String: SymbolFetchSummary] = [:]
        for p in plan.symbols {
            var s = summaries[p.symbol] ?? SymbolFetchSummary(symbol: p.symbol)
            s.cached = p.cachedDays
            summaries[p.symbol] = s
        }
        self.summaries = summaries
    }

    var isStopped: Bool { stop != nil }

    func countRequest() { requests += 1 }

    func stopRun(_ reason: FetchStop) {
        if stop == nil { stop = reason }
    }

    /// A chunk was split into two: one more to do.
    func addChunk() { chunksTotal += 1 }

    func fetched(_ chunk: FetchChunk, daysWithBars: Int, bars: Int) -> FetchProgress {
        summaries[chunk.symbol]!.fetched += daysWithBars
        summaries[chunk.symbol]!.missing += chunk.days.count - daysWithBars
        summaries[chunk.symbol]!.bars += bars
        daysFetched += daysWithBars
        return done(chunk)
    }

    func empty(_ chunk: FetchChunk) -> FetchProgress {
        summaries[chunk.symbol]!.missing += chunk.days.count
        return done(chunk)
    }

    func failed(_ failure: ChunkFailure) -> FetchProgress {
        summaries[failure.chunk.symbol]!.errors += failure.chunk.days.count
        failures.append(failure)
        return done(failure.chunk)
    }

    private func done(_ chunk: FetchChunk) -> FetchProgress {
        chunksDone += 1
        return FetchProgress(chunksDone: chunksDone, chunksTotal: chunksTotal, daysFetched: daysFetched, requests: requests, lastChunk: chunk)
    }
}
