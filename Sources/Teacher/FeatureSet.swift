import MarketData

/// The 15 features of the original teacher (REFERENCE.md §3), in its column order.
public enum FeatureSet {
    public static let names = [
        "sma_20", "sma_50", "ema_12", "ema_26", "rsi_14", "atr_14", "vwap",
        "bb_upper", "bb_middle", "bb_lower", "macd_line", "macd_signal", "macd_histogram",
        "adx_14", "obv",
    ]

    /// Bars of history the slowest feature (`sma_50`) needs before its first defined value.
    public static let longestLookback = 49

    /// One column per feature, in `names` order, each as long as `bars`; NaN where undefined.
    public static func columns(_ bars: BarSeries) -> [[Double]] {
        let (h, l, c, v) = (bars.high, bars.low, bars.close, bars.volume)
        let bands = Indicators.bollinger(close: c, 20, width: 2)
        let macd = Indicators.macd(close: c, fast: 12, slow: 26, signal: 9)
        let atr = Indicators.atr(high: h, low: l, close: c, 14)
        return [
            bands.middle,  // the 20-bar mean
            Indicators.rollingMean(c, 50),
            Indicators.ema(c, span: 12),
            Indicators.ema(c, span: 26),
            Indicators.rsi(close: c, 14),
            atr,
            Indicators.vwap(high: h, low: l, close: c, volume: v),
            bands.upper, bands.middle, bands.lower,
            macd.line, macd.signal, macd.histogram,
            Indicators.adx(high: h, low: l, atr: atr, 14),
            Indicators.obv(close: c, volume: v),
        ]
    }
}
