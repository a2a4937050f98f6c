import MarketData

/// Forward-return labels (REFERENCE.md §3).
public enum Labels {
    /// `close[t + horizon] / close[t] - 1`, NaN where bar `t + horizon` does not exist.
    public static func forwardReturns(close: [Double], horizon: Int) -> [Double] {
        close.indices.map { t in
            t + horizon < close.count ? close[t + horizon] / close[t] - 1 : .nan
        }
    }

    /// Forward returns under `span`: with `.session`, NaN where bar `t + horizon` lies on
    /// another day than bar `t` (`timestamps` are the bars' starts).
    public static func forwardReturns(close: [Double], timestamps: [Int64], horizon: Int, span: LabelSpan) -> [Double] {
        var returns = forwardReturns(close: close, horizon: horizon)
        guard span == .session else { return returns }
        for t in returns.indices where t + horizon < close.count
            && CalendarDay(containing: timestamps[t]) != CalendarDay(containing: timestamps[t + horizon]) {
            returns[t] = .nan
        }
        return returns
    }

    /// 1 when the forward return exceeds `threshold` (strictly), else 0.
    public static func label(forwardReturn: Double, threshold: Double) -> Double {
        forwardReturn > threshold ? 1 : 0
    }
}
