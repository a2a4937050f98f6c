import Breeze
import Foundation
import Ingest
import MarketData

/// Where bars come from and how fast we may ask: shared by `fetch` and `train --auto-fetch`.
public struct ProviderSettings: Sendable {
    public enum Provider: String, Sendable, CaseIterable { case breeze, sandbox }

    public var provider: Provider = .breeze
    public var sandboxURL = "http://127.0.0.1:8765"
    public var sandboxSessionToken = "sandbox-session"
    /// nil: the provider's default (90 for Breeze, unlimited for a sandbox).
    public var requestsPerMinute: Int?
    /// nil: the provider's default (4900 for Breeze).
    public var dailyBudget: Int?
    public var timeoutSeconds = 30.0

    public init() {}

    /// A fetcher writing into `root`'s cache. Live Breeze without credentials fails here, before any request.
    public func makeFetcher(root: DataRoot) throws -> Fetcher {
        let isSandbox = provider == .sandbox
        let credentials = isSandbox
            ? BreezeCredentials(apiKey: "sandbox", apiSecret: "sandbox-secret", sessionToken: sandboxSessionToken)
            : try BreezeCredentials.load()
        let client = BreezeClient(credentials: credentials, endpoints: isSandbox ? .sandbox(sandboxURL) : .production,
                                  requestTimeout: .milliseconds(Int64(timeoutSeconds * 1000)))
        var limits = isSandbox ? FetchLimits.sandbox : FetchLimits.breeze
        if let requestsPerMinute { limits.requestsPerMinute = requestsPerMinute }
        if let dailyBudget { limits.dailyBudget = dailyBudget }
        return Fetcher(
            provider: BreezeProvider(client: client, isSandbox: isSandbox), cache: root.cache, calendar: try TradingCalendar.nse(),
            mappings: try SymbolMappings.load(dataDir: root.url), limits: limits,
            usageFile: root.state.appendingPathComponent("\(provider.rawValue)_usage.json"),
            mappingsFile: root.url.appendingPathComponent(SymbolMappings.fileName).path
        )
    }
}
