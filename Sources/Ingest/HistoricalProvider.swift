import Breeze
import MarketData

/// A source of historical bars the fetcher can call. `BreezeProvider` is the live one; tests
/// may supply their own.
public protocol HistoricalProvider: Sendable {
    /// How bars from this provider are marked in the cache.
    var dataSource: DataSource { get }
    /// Checks that the provider will answer (for Breeze: opens the session), before any work.
    func prepare() async throws
    /// Bars of `stockCode` over `days`. An empty answer is an error (`BreezeError.noData`), never an empty series.
    func bars(stockCode: String, interval: Interval, days: DayRange) async throws -> BarSeries
}

/// Breeze (or a Breeze sandbox) as a provider. Data from a sandbox is marked `synthetic`,
/// so sandbox bars never mix with real ones in a cache.
public struct BreezeProvider: HistoricalProvider {
    public let client: BreezeClient
    public let dataSource: DataSource

    public init(client: BreezeClient, isSandbox: Bool) {
        self.client = client
        self.dataSource = isSandbox ? .synthetic : .breeze
    }

    public func prepare() async throws { try await client.connect() }

    public func bars(stockCode: String, interval: Interval, days: DayRange) async throws -> BarSeries {
        try await client.historicalBars(stockCode: stockCode, interval: interval, days: days)
    }
}
