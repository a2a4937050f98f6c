import Foundation

/// The arithmetic of a token bucket: `capacity` tokens, refilled continuously at
/// `capacity` per `period`. Pure, so it can be tested without waiting.
public struct TokenBucketState: Sendable {
    public let capacity: Double
    public let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: Double

    public init(capacity: Int, period: Double = 60, now: Double) {
        self.capacity = Double(max(1, capacity))
        self.refillPerSecond = self.capacity / period
        self.tokens = self.capacity
        self.updatedAt = now
    }

    /// Takes one token; returns how long the caller must wait (seconds) before using it.
    public mutating func take(now: Double) -> Double {
        tokens = min(capacity, tokens + max(0, now - updatedAt) * refillPerSecond)
        updatedAt = now
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / refillPerSecond
    }
}

/// Requests per minute, shared by every task of a fetch.
public actor TokenBucket {
    private var state: TokenBucketState
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    public init(requestsPerMinute: Int) {
        origin = clock.now
        state = TokenBucketState(capacity: requestsPerMinute, now: 0)
    }

    /// Waits until a request may be sent.
    public func acquire() async throws {
        let wait = state.take(now: seconds(since: origin))
        if wait > 0 { try await Task.sleep(for: .seconds(wait)) }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        (clock.now - start).inSeconds
    }
}
