import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import SyntheticMarket

func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
func days(_ a: String, _ b: String) -> DayRange { DayRange(day(a), day(b)) }

/// A temporary data directory, removed by `remove()`.
struct TemporaryDataDir {
    let root: DataRoot

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sensequant-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        root = DataRoot(url: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root.url) }

    /// Every file's text under the data dir, for scanning.
    func allFileContents() throws -> [String] {
        let files = FileManager.default.enumerator(at: root.url, includingPropertiesForKeys: nil)!
        return try files.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }.map {
            String(decoding: try Data(contentsOf: $0), as: UTF8.self) + "\n" + $0.path
        }
    }
}

/// A synthetic sandbox plus the pieces of a fetch against it.
struct FetchHarness {
    static let seed: UInt64 = 7
    let server: SandboxServer
    let config: SandboxConfiguration
    let market: SyntheticMarket
    let calendar: TradingCalendar
    let mappings: SymbolMappings

    static func start(faults: [String] = [], configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> FetchHarness {
        let calendar = try TradingCalendar.nse()
        let mappings = try SymbolMappings.bundled()
        let market = try SyntheticMarket(seed: seed, calendar: calendar)
        var config = SandboxConfiguration(bars: .synthetic(market), mappings: mappings)
        config.faults = try FaultPlan.parse(faults)
        config.retryAfterSeconds = 0.005
        config.hangDuration = .milliseconds(600)
        configure(&config)
        return FetchHarness(server: try await SandboxServer.start(config), config: config, market: market,
                            calendar: calendar, mappings: mappings)
    }

    func fetcher(dataDir: TemporaryDataDir, limits: FetchLimits = FetchHarness.fastLimits, credentials: BreezeCredentials? = nil,
                 requestTimeout: Duration = .seconds(5)) -> Fetcher {
        let client = BreezeClient(credentials: credentials ?? SandboxServer.credentials(config), endpoints: .sandbox(server.baseURL),
                                  requestTimeout: requestTimeout)
        return Fetcher(provider: BreezeProvider(client: client, isSandbox: true), cache: dataDir.root.cache, calendar: calendar,
                       mappings: mappings, limits: limits,
                       usageFile: dataDir.root.state.appendingPathComponent("sandbox_usage.json"),
                       today: { CalendarDay("2025-06-02")! })
    }

    static var fastLimits: FetchLimits {
        FetchLimits(requestsPerMinute: nil, dailyBudget: nil,
                    retry: RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(2), maxDelay: .milliseconds(20)), concurrency: 4)
    }

    func tradingDays(_ range: DayRange) throws -> [CalendarDay] { try calendar.tradingDays(in: range) }
}
