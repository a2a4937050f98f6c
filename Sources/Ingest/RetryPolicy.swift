import Foundation

/// Bounded retries of transient failures: exponential backoff with "equal jitter" (half fixed,
/// half random), never shorter than the server's Retry-After.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before attempt `attempt + 1`, after `attempt` (1-based) failed.
    public func delay(afterAttempt attempt: Int, retryAfterSeconds: Double?, random: Double = Double.random(in: 0..<1)) -> Duration {
        let exponential = min(baseDelay * Double(1 << min(attempt - 1, 20)), maxDelay)
        let jittered = exponential * (0.5 + 0.5 * random)
        guard let retryAfterSeconds else { return jittered }
        return max(jittered, .milliseconds(Int64(retryAfterSeconds * 1000)))
    }
}
