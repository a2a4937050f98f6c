import Breeze
import BreezeSandbox
import Foundation
import MarketData
import SyntheticMarket

/// A synthetic-market sandbox on a free 127.0.0.1 port and a client pointed at it.
struct SandboxHarness {
    let server: SandboxServer
    let config: SandboxConfiguration
    let market: SyntheticMarket

    static func start(seed: UInt64 = 42, faults: [String] = [], configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws -> SandboxHarness {
        let market = try SyntheticMarket(seed: seed)
        var config = SandboxConfiguration(bars: .synthetic(market), mappings: try SymbolMappings.bundled())
        config.faults = try FaultPlan.parse(faults)
        config.retryAfterSeconds = 0.01
        config.hangDuration = .seconds(2)
        configure(&config)
        return SandboxHarness(server: try await SandboxServer.start(config), config: config, market: market)
    }

    func client(apiKey: String? = nil, sessionToken: String? = nil, timeout: Duration = .seconds(5)) -> BreezeClient {
        let credentials = BreezeCredentials(apiKey: apiKey ?? config.appKey, apiSecret: "sandbox-secret",
                                            sessionToken: sessionToken ?? config.sessionToken)
        return BreezeClient(credentials: credentials, endpoints: .sandbox(server.baseURL), requestTimeout: timeout)
    }
}

func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
func days(_ a: String, _ b: String) -> DayRange { DayRange(day(a), day(b)) }
