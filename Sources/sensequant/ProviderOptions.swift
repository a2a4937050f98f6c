import ArgumentParser
import Breeze
import Foundation
import Ingest
import MarketData

/// Where bars come from and how fast we may ask: shared by `fetch` and `train --auto-fetch`.
struct ProviderOptions: ParsableArguments {
    enum Provider: String, ExpressibleByArgument { case breeze, sandbox }

    @Option(name: .long, help: "breeze (live) or sandbox (a local `sensequant sandbox`).")
    var provider: Provider = .breeze

    @Option(name: .long, help: "Base URL of the sandbox.")
    var sandboxUrl = "http://127.0.0.1:8765"

    @Option(name: .long, help: "Session token the sandbox accepts.")
    var sandboxSessionToken = "sandbox-session"

    @Option(name: .long, help: "Requests per minute (default 90 for breeze, unlimited for sandbox).")
    var requestsPerMinute: Int?

    @Option(name: .long, help: "Requests per IST day, kept across runs in <data-dir>/state/ (default 4900 for breeze).")
    var dailyBudget: Int?

    @Option(name: .long, help: "Seconds to wait for one answer.")
    var timeout = 30.0

    func validate() throws {
        if provider == .sandbox {
            guard let url = URL(string: sandboxUrl), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  let host = url.host, !host.isEmpty else {
                throw ValidationError("--sandbox-url \(sandboxUrl) is not an http(s) URL; pass the one `sensequant sandbox` prints, e.g. http://127.0.0.1:8765")
            }
        }
        if timeout.isNaN || timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if let n = requestsPerMinute, n < 1 { throw ValidationError("--requests-per-minute must be at least 1") }
        if let n = dailyBudget, n < 1 { throw ValidationError("--daily-budget must be at least 1") }
    }

    /// A fetcher writing into `root`'s cache. Live Breeze without credentials fails here, before any request.
    func makeFetcher(root: DataRoot) throws -> Fetcher {
        let isSandbox = provider == .sandbox
        let credentials = isSandbox
            ? BreezeCredentials(apiKey: "sandbox", apiSecret: "sandbox-secret", sessionToken: sandboxSessionToken)
            : try BreezeCredentials.load()
        let client = BreezeClient(credentials: credentials, endpoints: isSandbox ? .sandbox(sandboxUrl) : .production,
                                  requestTimeout: .milliseconds(Int64(timeout * 1000)))
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
