import Foundation
import MarketData
import SyntheticMarket

/// Everything a sandbox server needs. The sandbox accepts exactly one app key and one
/// session token (defaults `sandbox` / `sandbox-session`; any secret is accepted, since
/// historical v2 requests are not signed).
public struct SandboxConfiguration: Sendable {
    public enum Bars: Sendable {
        /// Serve a bar cache (a `historical` directory, or a data dir holding one).
        case cache(URL)
        case synthetic(SyntheticMarket)
    }

    public var port: Int = 0
    public var bars: Bars
    public var mappings: SymbolMappings
    public var appKey = "sandbox"
    public var sessionToken = "sandbox-session"
    /// Tokens answered with "Resource not available." (an expired session).
    public var expiredSessionTokens: Set<String> = []
    public var faults = FaultPlan()
    /// Seeds the fault decisions: the same seed and requests give the same faults.
    public var faultSeed: UInt64 = 1
    /// How long a `timeout` fault holds the answer before giving up with 504.
    public var hangDuration: Duration = .seconds(30)
    /// Retry-After of rate-limit answers.
    public var retryAfterSeconds: Double = 1
    /// Send prices and volumes as JSON strings, as Breeze sometimes does.
    public var numbersAsStrings = false
    public var maxCandles = 1000

    public init(bars: Bars, mappings: SymbolMappings) {
        self.bars = bars
        self.mappings = mappings
    }
}
