import Foundation
import Ingest
import MarketData
import Testing

@Suite("Rate limits and retries")
struct RateLimitTests {
    @Test func bucketAllowsABurstThenSpacesRequests() {
        var bucket = TokenBucketState(capacity: 3, period: 60, now: 0)
        #expect(bucket.take(now: 0) == 0)
        #expect(bucket.take(now: 0) == 0)
        #expect(bucket.take(now: 0) == 0)
        #expect(abs(bucket.take(now: 0) - 20) < 1e-9)   // 3 a minute: one every 20 s
        #expect(abs(bucket.take(now: 0) - 40) < 1e-9)
    }

    @Test func bucketRefillsOverTime() {
        var bucket = TokenBucketState(capacity: 60, period: 60, now: 0)
        for _ in 0..<60 { _ = bucket.take(now: 0) }
        #expect(bucket.take(now: 0) > 0)
        var later = TokenBucketState(capacity: 60, period: 60, now: 0)
        for _ in 0..<60 { _ = later.take(now: 0) }
        #expect(later.take(now: 1) == 0)   // one token back after a second
        #expect(later.take(now: 1) > 0)
    }

    @Test func backoffGrowsIsCappedAndHonoursRetryAfter() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: nil, random: 1) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 3, retryAfterSeconds: nil, random: 1) == .milliseconds(400))
        #expect(policy.delay(afterAttempt: 3, retryAfterSeconds: nil, random: 0) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 10, retryAfterSeconds: nil, random: 1) == .seconds(1))
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: 5, random: 1) == .seconds(5))
    }

    @Test func dailyBudgetPersistsAcrossRunsAndResetsNextDay() async throws {
        let dir = try TemporaryDataDir()
        defer { dir.remove() }
        let file = dir.root.state.appendingPathComponent("usage.json")
        let first = try DailyCallBudget(limit: 3, file: file, today: { CalendarDay("2024-05-06")! })
        try await first.consume()
        try await first.consume()
        let second = try DailyCallBudget(limit: 3, file: file, today: { CalendarDay("2024-05-06")! })
        #expect(try await second.callsToday == 2)
        try await second.consume()
        await #expect(throws: FetchError.dailyBudgetExhausted(limit: 3, day: CalendarDay("2024-05-06")!, stateFile: file.path)) {
            try await second.consume()
        }
        let tomorrow = try DailyCallBudget(limit: 3, file: file, today: { CalendarDay("2024-05-07")! })
        #expect(try await tomorrow.callsToday == 0)
        try await tomorrow.consume()
    }
}

@Suite struct SharedBudgetTests {
    /// Two fetches on one data root share the day's budget: together they never exceed it.
    @Test func concurrentBudgetsOnOneFileNeverOverspend() async throws {
        let dir = try TemporaryDataDir()
        defer { dir.remove() }
        let file = dir.root.state.appendingPathComponent("usage.json")
        let a = try DailyCallBudget(limit: 50, file: file, today: { CalendarDay("2024-05-06")! })
        let b = try DailyCallBudget(limit: 50, file: file, today: { CalendarDay("2024-05-06")! })
        let granted = await withTaskGroup(of: Int.self) { group in
            for budget in [a, b] {
                group.addTask {
                    var n = 0
                    for _ in 0..<40 { if (try? await budget.consume()) != nil { n += 1 } }
                    return n
                }
            }
            return await group.reduce(0, +)
        }
        #expect(granted == 50)
        #expect(try await a.callsToday == 50)
    }
}
