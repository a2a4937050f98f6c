/// Rate limits and retry settings of a fetch.
public struct FetchLimits: Sendable {
    /// Requests per minute (token bucket); nil for no limit.
    public var requestsPerMinute: Int?
    /// Requests per IST day, persisted across runs; nil counts without limiting.
    public var dailyBudget: Int?
    public var retry: RetryPolicy
    /// Symbols fetched at the same time.
    public var concurrency: Int
    /// The provider's candles-per-answer cap; an answer this long may be truncated and is split.
    public var candleCap: Int = ChunkPlanner.candleCap
    /// Overrides the trading days per request derived from the cap (tests use it to provoke truncation).
    public var maxDaysPerChunk: Int?

    public init(requestsPerMinute: Int?, dailyBudget: Int?, retry: RetryPolicy = RetryPolicy(), concurrency: Int = 4) {
        self.requestsPerMinute = requestsPerMinute
        self.dailyBudget = dailyBudget
        self.retry = retry
        self.concurrency = max(1, concurrency)
    }

    /// Below Breeze's published limits (100 calls a minute, 5000 a day).
    public static let breeze = FetchLimits(requestsPerMinute: 90, dailyBudget: 4900)
    /// A local sandbox: no limits, more parallelism.
    public static let sandbox = FetchLimits(requestsPerMinute: nil, dailyBudget: nil, concurrency: 8)
}
