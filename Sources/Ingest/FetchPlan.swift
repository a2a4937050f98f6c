import MarketData

/// What a fetch will do for one symbol.
public struct SymbolPlan: Sendable {
    public var symbol: String
    public var stockCode: String
    /// Trading days of the fetchable range on or after the listing date.
    public var tradingDays: [CalendarDay]
    public var cachedDays: Int
    public var chunks: [FetchChunk]
    /// Damaged cache files moved aside while planning (their days are fetched again).
    public var quarantined: [String] = []
}

public struct FetchPlan: Sendable {
    public var interval: Interval
    public var requestedRange: DayRange
    /// The requested range cut at yesterday (IST): today's and future bars are not final.
    public var fetchableRange: DayRange?
    public var symbols: [SymbolPlan]

    public var chunkCount: Int { symbols.reduce(0) { $0 + $1.chunks.count } }
}

extension Fetcher {
    /// Resolves Breeze codes (failing before any request if one is missing), reads the cache
    /// manifests and plans the chunks. No network.
    public func plan(symbols: [String], range: DayRange, interval: Interval, force: Bool) throws -> FetchPlan {
        let unmapped = symbols.filter { mappings.breezeCode(for: $0) == nil }
        if !unmapped.isEmpty { throw FetchError.unmappedSymbols(unmapped, mappingsFile: mappingsFile) }
        let yesterday = today().adding(days: -1)
        let fetchable = DayRange(range.first, min(range.last, yesterday))
        guard fetchable.dayCount > 0 else {
            return FetchPlan(interval: interval, requestedRange: range, fetchableRange: nil, symbols: symbols.map {
                SymbolPlan(symbol: $0, stockCode: mappings.breezeCode(for: $0)!, tradingDays: [], cachedDays: 0, chunks: [])
            })
        }
        let tradingDays = try calendar.tradingDays(in: fetchable)
        let plans = try symbols.map { symbol -> SymbolPlan in
            let code = mappings.breezeCode(for: symbol)!
            let listing = mappings.listingDates[symbol]
            let days = listing.map { l in tradingDays.filter { $0 >= l } } ?? tradingDays
            let (cached, quarantined) = try cache.heldDaysRepairing(symbol: symbol, interval: interval, range: fetchable, calendar: calendar)
            let held = force ? [] : cached
            let missing = Set(days.filter { !held.contains($0) })
            let chunks = ChunkPlanner.chunks(symbol: symbol, stockCode: code, interval: interval, missing: missing, tradingDays: days,
                                                 cap: limits.candleCap, maxDays: limits.maxDaysPerChunk)
            return SymbolPlan(symbol: symbol, stockCode: code, tradingDays: days, cachedDays: days.count - missing.count, chunks: chunks,
                              quarantined: quarantined.map(\.path))
        }
        return FetchPlan(interval: interval, requestedRange: range, fetchableRange: fetchable, symbols: plans)
    }
}
