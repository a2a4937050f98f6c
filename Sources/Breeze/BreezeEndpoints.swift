import Foundation

/// Where the two Breeze endpoints live. Production uses two hosts, exactly as the official SDK;
/// a sandbox serves both paths from one base URL.
public struct BreezeEndpoints: Sendable, Equatable {
    /// Base of the v1 API; `customerdetails` is appended.
    public var v1Base: String
    /// Base of the v2 API; `historicalcharts` is appended.
    public var v2Base: String

    public init(v1Base: String, v2Base: String) {
        self.v1Base = v1Base.hasSuffix("/") ? v1Base : v1Base + "/"
        self.v2Base = v2Base.hasSuffix("/") ? v2Base : v2Base + "/"
    }

    public static let production = BreezeEndpoints(
        v1Base: "https://api.icicidirect.com/breezeapi/api/v1/",
        v2Base: "https://breezeapi.icicidirect.com/api/v2/"
    )

    /// A sandbox at `baseURL` (e.g. `http://127.0.0.1:8765`) serves `/breezeapi/api/v1/...`
    /// and `/api/v2/...`, the same paths as production.
    public static func sandbox(_ baseURL: String) -> BreezeEndpoints {
        let root = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return BreezeEndpoints(v1Base: root + BreezePaths.v1Prefix, v2Base: root + BreezePaths.v2Prefix)
    }

    public var customerDetailsURL: String { v1Base + BreezePaths.customerDetails }
    public var historicalChartsURL: String { v2Base + BreezePaths.historicalCharts }
}

/// URL paths shared by the client and the sandbox.
public enum BreezePaths {
    public static let v1Prefix = "/breezeapi/api/v1/"
    public static let v2Prefix = "/api/v2/"
    public static let customerDetails = "customerdetails"
    public static let historicalCharts = "historicalcharts"
}
