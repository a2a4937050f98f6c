import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import Testing

@Suite("Fetch against the sandbox")
struct FetchIntegrationTests {
    let symbols = ["RELIANCE", "TCS", "SBIN"]

    /// Every trading day of `range` is in the manifest exactly once, with one daily bar on disk.
    func expectEveryTradingDayOnce(_ harness: FetchHarness, _ dir: TemporaryDataDir, symbols: [String], range: DayRange) throws {
        let expected = try harness.tradingDays(range)
        for symbol in symbols {
            let manifest = try dir.root.cache.manifest(symbol: symbol, interval: .oneDay)
            #expect(manifest.days.keys.sorted() == expected, "\(symbol)")
            #expect(manifest.days.values.allSatisfy { $0.rows == 1 && $0.source == .synthetic })
            let loaded = try dir.root.cache.load(symbol: symbol, interval: .oneDay, range: range)
            #expect(loaded.days == expected)
            #expect(loaded == harness.market.bars(symbol: symbol, interval: .oneDay, range: range))
        }
    }

    @Test func happyPathThenRerunIsAllCached() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let range = days("2023-01-01", "2024-06-30")
        let report = try await harness.fetcher(dataDir: dir).fetch(symbols: symbols, range: range, interval: .oneDay)
        #expect(report.succeeded)
        #expect(report.requests == 1 + symbols.count)  // session + one chunk each
        try expectEveryTradingDayOnce(harness, dir, symbols: symbols, range: range)
        let tradingDays = try harness.tradingDays(range).count
        #expect(report.symbols.map(\.fetched) == Array(repeating: tradingDays, count: 3))

        let rerun = try await harness.fetcher(dataDir: dir).fetch(symbols: symbols, range: range, interval: .oneDay)
        #expect(rerun.succeeded)
        #expect(rerun.requests == 0)
        #expect(rerun.symbols.map(\.cached) == Array(repeating: tradingDays, count: 3))
    }

    @Test func truncatedAnswersAreSplitAndRefetched() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.maxDaysPerChunk = 5000  // plan one request for six years; the sandbox keeps only the last 1000
        let range = days("2019-01-01", "2024-12-31")
        let report = try await harness.fetcher(dataDir: dir, limits: limits).fetch(symbols: ["TCS"], range: range, interval: .oneDay)
        #expect(try harness.tradingDays(range).count > 1000)
        #expect(report.succeeded)
        #expect(report.requests > 2)
        try expectEveryTradingDayOnce(harness, dir, symbols: ["TCS"], range: range)
    }

    @Test func twentyPercentFaultsStillDeliverEveryDayExactlyOnce() async throws {
        let harness = try await FetchHarness.start(faults: ["rate-limit:0.07", "5xx:0.07", "timeout:0.06"])
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.maxDaysPerChunk = 15
        let range = days("2023-01-01", "2023-12-31")
        let five = ["RELIANCE", "TCS", "SBIN", "INFY", "ITC"]
        let report = try await harness.fetcher(dataDir: dir, limits: limits, requestTimeout: .milliseconds(150))
            .fetch(symbols: five, range: range, interval: .oneDay)
        #expect(report.succeeded, "\(FetchReportText.summary(report))")
        let chunks = five.count * Int((Double(try harness.tradingDays(range).count) / 15).rounded(.up))
        #expect(await harness.server.historicalCallCount > chunks, "faults were injected and retried")
        try expectEveryTradingDayOnce(harness, dir, symbols: five, range: range)
    }

    @Test func quotaStopsCleanlyAndARerunCompletes() async throws {
        let limited = try await FetchHarness.start(faults: ["quota-after:4"])
        let dir = try TemporaryDataDir()
        defer { dir.remove() }
        var limits = FetchHarness.fastLimits
        limits.maxDaysPerChunk = 40
        limits.concurrency = 1
        let range = days("2023-01-01", "2023-12-31")
        let first = try await limited.fetcher(dataDir: dir, limits: limits).fetch(symbols: symbols, range: range, interval: .oneDay)
        await limited.server.stop()
        #expect(!first.succeeded)
        #expect(first.stoppedBy?.failureClass == .quota)
        #expect(first.stoppedBy?.remedy?.description.contains("resumes") == true)
        #expect(first.requests == 1 + 5)  // session, 4 answered, the 5th refused
        #expect(first.daysFetched == 4 * 40)
        let chunksPerSymbol = Int((Double(try limited.tradingDays(range).count) / 40).rounded(.up))
        #expect(first.failures.count == 3 * chunksPerSymbol - 4)
        #expect(first.failures.allSatisfy { $0.failureClass == .quota })

        let fresh = try await FetchHarness.start()
        defer { Task { await fresh.server.stop() } }
        let rerun = try await fresh.fetcher(dataDir: dir, limits: limits).fetch(symbols: symbols, range: range, interval: .oneDay)
        #expect(rerun.succeeded)
        #expect(rerun.requests == 1 + 3 * chunksPerSymbol - 4)  // only what the first run did not get
        try expectEveryTradingDayOnce(fresh, dir, symbols: symbols, range: range)
    }

    @Test func dailyBudgetStopsTheRunAndIsPersisted() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.dailyBudget = 3
        limits.maxDaysPerChunk = 60
        limits.concurrency = 1
        let report = try await harness.fetcher(dataDir: dir, limits: limits).fetch(symbols: ["TCS"], range: days("2023-01-01", "2023-12-31"), interval: .oneDay)
        #expect(report.stoppedBy?.failureClass == .quota)
        #expect(report.stoppedBy?.message.contains("budget of 3") == true)
        #expect(report.daysFetched == 120)
        let usage = try String(contentsOf: dir.root.state.appendingPathComponent("sandbox_usage.json"), encoding: .utf8)
        #expect(usage.contains("\"calls\":3"))
    }

    @Test func authFailureStopsBeforeAnyData() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let wrong = BreezeCredentials(apiKey: harness.config.appKey, apiSecret: "s", sessionToken: "stale-token")
        let report = try await harness.fetcher(dataDir: dir, credentials: wrong).fetch(symbols: symbols, range: days("2023-01-01", "2023-03-31"), interval: .oneDay)
        #expect(report.stoppedBy?.failureClass == .auth)
        #expect(report.stoppedBy?.remedy?.description.contains("BREEZE_SESSION_TOKEN") == true)
        #expect(report.failures.count == symbols.count)
        #expect(await harness.server.historicalCallCount == 0)
        #expect(dir.root.cache.symbols().isEmpty)
    }

    @Test func unmappedSymbolFailsBeforeAnyRequest() async throws {
        let harness = try await FetchHarness.start()
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let error = await #expect(throws: FetchError.self) {
            try await harness.fetcher(dataDir: dir).fetch(symbols: ["TCS", "NOTLISTED"], range: days("2023-01-01", "2023-03-31"), interval: .oneDay)
        }
        #expect(error?.description == "no Breeze code for NOTLISTED: add it to <data-dir>/symbol_mappings.json or run sensequant universe import-security-master FILE")
        #expect(await harness.server.historicalCallCount == 0)
    }

    @Test func emptyAnswersAreMissingNotCachedAndNotFaked() async throws {
        let harness = try await FetchHarness.start(faults: ["empty:SBIN", "empty:TCS:2023-02-01..2023-02-28"])
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        let range = days("2023-01-01", "2023-03-31")
        let report = try await harness.fetcher(dataDir: dir).fetch(symbols: ["SBIN", "TCS"], range: range, interval: .oneDay)
        #expect(report.succeeded)
        let sbin = report.symbols[0], tcs = report.symbols[1]
        let tradingDays = try harness.tradingDays(range)
        let february = try harness.tradingDays(days("2023-02-01", "2023-02-28"))
        #expect(sbin.fetched == 0 && sbin.missing == tradingDays.count)
        #expect(try dir.root.cache.manifest(symbol: "SBIN", interval: .oneDay).days.isEmpty)
        #expect(tcs.fetched == tradingDays.count - february.count && tcs.missing == february.count)
        let tcsManifest = try dir.root.cache.manifest(symbol: "TCS", interval: .oneDay)
        #expect(february.allSatisfy { tcsManifest.days[$0]?.rows == 0 })
    }

    @Test func secretsNeverAppearInOutputOrFiles() async throws {
        let key = "KEY-s3cr3t-7Q2", token = "TOKEN-s3cr3t-9Z4", secret = "SECRET-s3cr3t-1X8", wrongToken = "TOKEN-wr0ng-5K6"
        let harness = try await FetchHarness.start(faults: ["5xx:0.2"]) { $0.appKey = key; $0.sessionToken = token }
        let dir = try TemporaryDataDir()
        defer { dir.remove(); Task { await harness.server.stop() } }
        var limits = FetchHarness.fastLimits
        limits.maxDaysPerChunk = 30
        var output: [String] = []
        let good = BreezeCredentials(apiKey: key, apiSecret: secret, sessionToken: token)
        let lines = LineCollector()
        let report = try await harness.fetcher(dataDir: dir, limits: limits, credentials: good)
            .fetch(symbols: symbols, range: days("2023-01-01", "2023-06-30"), interval: .oneDay) { lines.add(FetchReportText.progressBar($0)) }
        #expect(report.succeeded)
        output += [FetchReportText.table(report), FetchReportText.summary(report), "\(good)", String(reflecting: good)]
        let bad = BreezeCredentials(apiKey: key, apiSecret: secret, sessionToken: wrongToken)
        let refused = try await harness.fetcher(dataDir: dir, credentials: bad)
            .fetch(symbols: ["INFY"], range: days("2023-01-01", "2023-06-30"), interval: .oneDay)
        #expect(refused.stoppedBy?.failureClass == .auth)
        output += [FetchReportText.table(refused), FetchReportText.summary(refused)] + refused.failures.map(\.description)
        output += lines.all
        let everything = output + (try dir.allFileContents())
        for value in [key, token, secret, wrongToken] {
            #expect(!everything.contains { $0.contains(value) }, "\(value.prefix(5))... leaked")
        }
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
