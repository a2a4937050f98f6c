import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import Testing

@Suite("Intraday fetch and unreachable providers")
struct IntradayFetchTests {
    @Test func fiveMinuteFetchIsChunkedUnderTheCap() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let range = days("2024-01-01", "2024-01-31")
        let report = try await harness.fetcher(dataDir: dir).fetch(symbols: ["INFY"], range: range, interval: .fiveMinute)
        let tradingDays = try harness.tradingDays(range)
        #expect(report.succeeded)
        #expect(report.requests == 1 + Int((Double(tradingDays.count) / 13).rounded(.up)))
        let manifest = try dir.root.cache.manifest(symbol: "INFY", interval: .fiveMinute)
        #expect(manifest.days.keys.sorted() == tradingDays)
        #expect(manifest.days.values.allSatisfy { $0.rows == 75 })
        #expect(try dir.root.cache.load(symbol: "INFY", interval: .fiveMinute, range: range)
                == harness.market.bars(symbol: "INFY", interval: .fiveMinute, range: range))
    }

    @Test func unreachableProviderStopsWithItsReasonAndWritesNothing() async throws {
        let dir = try TemporaryDataDir()
        defer { dir.remove() }
        let client = BreezeClient(credentials: BreezeCredentials(apiKey: "k", apiSecret: "s", sessionToken: "t"),
                                  endpoints: .sandbox("http://127.0.0.1:1"), requestTimeout: .milliseconds(200))
        var limits = FetchHarness.fastLimits
        limits.retry = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        let fetcher = Fetcher(provider: BreezeProvider(client: client, isSandbox: true), cache: dir.root.cache,
                              calendar: try TradingCalendar.nse(), mappings: try SymbolMappings.bundled(), limits: limits,
                              today: { CalendarDay("2025-06-02")! })
        let report = try await fetcher.fetch(symbols: ["TCS"], range: days("2024-01-01", "2024-01-31"), interval: .oneDay)
        #expect(!report.succeeded)
        #expect(report.stoppedBy?.failureClass == .transient)
        #expect(report.stoppedBy?.message.hasPrefix("could not open a session") == true)
        #expect(report.failures.map(\.chunk.range) == [days("2024-01-01", "2024-01-31")])
        #expect(dir.root.cache.symbols().isEmpty)
    }
}
