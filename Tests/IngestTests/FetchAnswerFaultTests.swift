import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import Testing

/// A fetch against answers that are not candles: none may end as "0 bars" and success.
@Suite("Fetch against broken answers")
struct FetchAnswerFaultTests {
    let range = days("2023-01-01", "2023-03-31")

    @Test func unauthorizedStopsTheRunWithAnAuthErrorAndWritesNothing() async throws {
        let harness = try await FetchHarness.start(faults: ["answer:401:json-no-status"])
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let report = try await harness.fetcher(dataDir: dir).fetch(symbols: ["RELIANCE", "TCS"], range: range, interval: .oneDay)
        #expect(!report.succeeded)
        #expect(report.stoppedBy?.failureClass == .auth)
        #expect(report.stoppedBy?.message == "Breeze refused the session for historical data (HTTP 401: {\"message\":\"Unauthorized\"})")
        #expect(report.stoppedBy?.remedy?.description.contains("BREEZE_SESSION_TOKEN") == true)
        #expect(report.symbols.allSatisfy { $0.fetched == 0 && $0.missing == 0 && $0.errors > 0 })
        #expect(dir.root.cache.symbols().isEmpty)
    }

    @Test func anUnreadableOKBodyIsRetriedUntilItSucceeds() async throws {
        let harness = try await FetchHarness.start(faults: ["answer:200:truncated-json:0.5"]) { $0.faultSeed = 11 }
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.maxDaysPerChunk = 10
        let symbols = ["RELIANCE", "TCS"]
        let report = try await harness.fetcher(dataDir: dir, limits: limits).fetch(symbols: symbols, range: range, interval: .oneDay)
        #expect(report.succeeded, "\(FetchReportText.summary(report))")
        let tradingDays = try harness.tradingDays(range)
        let chunks = symbols.count * Int((Double(tradingDays.count) / 10).rounded(.up))
        #expect(await harness.server.historicalCallCount > chunks, "truncated answers were sent and retried")
        for symbol in symbols {
            #expect(try dir.root.cache.load(symbol: symbol, interval: .oneDay, range: range) == harness.market.bars(symbol: symbol, interval: .oneDay, range: range))
        }
    }

    static let statuses = [200, 401, 404, 429, 503]

    @Test(arguments: statuses, AnswerFault.Body.allCases)
    func noBrokenAnswerEndsAsZeroBarsAndSuccess(status: Int, body: AnswerFault.Body) async throws {
        let harness = try await FetchHarness.start(faults: ["answer:\(status):\(body.rawValue)"])
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))
        let report = try await harness.fetcher(dataDir: dir, limits: limits).fetch(symbols: ["TCS"], range: range, interval: .oneDay)
        #expect(!report.succeeded)
        #expect(report.daysFetched == 0 && report.symbols[0].missing == 0)
        #expect(report.failures.count + (report.stoppedBy == nil ? 0 : 1) > 0)
        #expect(dir.root.cache.symbols().isEmpty)
        if report.failures.first?.failureClass == .transient {
            #expect(report.failures.allSatisfy { $0.attempts == 3 }, "transient answers are retried, within bounds")
        }
    }
}
