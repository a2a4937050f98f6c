import Foundation
import MarketData
import SyntheticMarket

/// Where the sandbox's candles come from: a bar cache or a synthetic market, looked up by
/// Breeze stock code through the symbol mappings.
struct SandboxBarSource: Sendable {
    private let bars: SandboxConfiguration.Bars
    private let cache: BarCache?
    private let mappings: SymbolMappings

    init(bars: SandboxConfiguration.Bars, mappings: SymbolMappings) {
        self.bars = bars
        self.mappings = mappings
        if case .cache(let url) = bars {
            let historical = url.appendingPathComponent("historical")
            let root = FileManager.default.fileExists(atPath: historical.path) ? historical : url
            cache = BarCache(root: root)
        } else {
            cache = nil
        }
    }

    /// The NSE symbol a Breeze code stands for, or nil when the sandbox has nothing for it.
    /// A cache directory named like the code itself also counts.
    func symbol(forCode code: String) -> String? {
        if let symbol = mappings.symbol(forBreezeCode: code) { return symbol }
        if let cache, FileManager.default.fileExists(atPath: cache.root.appendingPathComponent(code).path) { return code }
        return nil
    }

    func bars(symbol: String, interval: Interval, range: DayRange) throws -> BarSeries {
        switch bars {
        case .cache: try cache!.load(symbol: symbol, interval: interval, range: range)
        case .synthetic(let market): market.bars(symbol: symbol, interval: interval, range: range)
        }
    }
}
