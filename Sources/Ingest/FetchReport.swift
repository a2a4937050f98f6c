import MarketData

/// Per-symbol outcome of a fetch, counted in trading days of the requested range.
public struct SymbolFetchSummary: Sendable, Equatable {
    public var symbol: String
    /// Days written by this run with at least one bar.
    public var fetched = 0
    /// Days the cache already held (skipped).
    public var cached = 0
    /// Days the provider answered without bars.
    public var missing = 0
    /// Days in chunks that failed or were not attempted.
    public var errors = 0
    public var bars = 0

    public init(symbol: String) { self.symbol = symbol }
}

/// A chunk that could not be fetched, and why.
public struct ChunkFailure: Sendable, CustomStringConvertible {
    public var chunk: FetchChunk
    public var failureClass: FailureClass
    public var reason: String
    public var attempts: Int

    public var description: String {
        "\(chunk.symbol) \(chunk.range) (\(chunk.days.count) trading days): \(reason)"
            + (attempts > 1 ? " after \(attempts) attempts" : "")
    }
}

/// Why a run stopped early: auth or quota, which no retry fixes.
public struct FetchStop: Sendable {
    public var failureClass: FailureClass
    public var message: String
    public var remedy: Remedy?
}

public struct FetchReport: Sendable {
    public var interval: Interval
    /// The range asked for, and the part of it that could be fetched (before today, IST).
    public var requestedRange: DayRange
    public var fetchableRange: DayRange?
    public var symbols: [SymbolFetchSummary]
    public var failures: [ChunkFailure]
    public var stoppedBy: FetchStop?
    public var requests: Int
    public var elapsedSeconds: Double
    /// Damaged cache files moved aside to the quarantine before fetching (never deleted).
    public var quarantined: [String] = []

    /// True when every planned chunk was fetched (missing data is not a failure: the provider has none).
    public var succeeded: Bool { failures.isEmpty && stoppedBy == nil }

    public var daysFetched: Int { symbols.reduce(0) { $0 + $1.fetched } }
}
