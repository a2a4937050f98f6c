/// Forward-return labels (REFERENCE.md §3).
public enum Labels {
    /// `close[t + horizon] / close[t] - 1`, NaN where bar `t + horizon` does not exist.
    public static func forwardReturns(close: [Double], horizon: Int) -> [Double] {
        close.indices.map { t in
            t + horizon < close.count ? close[t + horizon] / close[t] - 1 : .nan
        }
    }

    /// 1 when the forward return exceeds `threshold` (strictly), else 0.
    public static func label(forwardReturn: Double, threshold: Double) -> Double {
        forwardReturn > threshold ? 1 : 0
    }
}
