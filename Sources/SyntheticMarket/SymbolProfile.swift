import Foundation
import MarketData

/// The fixed character of one synthetic symbol, drawn once from (seed, symbol).
struct SymbolProfile {
    let startPrice: Double
    /// Median shares traded per day.
    let baseVolume: Double
    /// Long-run daily volatility of log returns.
    let longRunVolatility: Double

    init(seed: UInt64, symbol: String) {
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, SplitMix64.hash(symbol), 0x9F0F11E))
        startPrice = 50 * pow(80, rng.uniform())            // 50 .. 4000
        baseVolume = (2e5 * pow(100, rng.uniform())).rounded() // 0.2M .. 20M
        longRunVolatility = 0.012 + 0.014 * rng.uniform()  // 1.2% .. 2.6% a day
    }
}

