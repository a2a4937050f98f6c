import Foundation

/// Fixed-format numbers shared by the Markdown and HTML reports.
enum ReportFormat {
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "n/a"
    }

    /// The headline rows shown by both reports.
    static func summaryRows(_ result: BacktestResult) -> [(String, String)] {
        let m = result.metrics
        return [
            ("Net return", percent(m.netReturn)),
            ("Gross return (no charges)", percent(m.grossReturn)),
            ("Benchmark return (equal-weight buy and hold)", percent(m.benchmarkReturn)),
            ("Excess return (net - benchmark)", percent(m.excessReturn)),
            ("Excess return t (daily, net - benchmark)", excessT(m.excessTStat)),
            ("Annualised return", percent(m.annualisedReturn)),
            ("Annualised volatility", percent(m.annualisedVolatility)),
            ("Sharpe (rf \(percent(m.riskFreeRate)))", number(m.sharpe)),
            ("Sortino", number(m.sortino)),
            ("Max drawdown", "\(percent(m.maxDrawdown.value)) (\(m.maxDrawdown.peakDate?.description ?? "-") to \(m.maxDrawdown.troughDate?.description ?? "-"))"),
            ("Turnover", number(m.turnover)),
            ("Fills", String(m.trades)),
            ("Hit rate (closed round trips)", percent(m.hitRate)),
            ("Total charges", "Rs \(m.totalCharges)"),
        ]
    }

    /// The t with what it means: within 2 of zero, chance alone gives as much.
    static func excessT(_ t: Double?) -> String {
        guard let t else { return "n/a" }
        return number(t) + (abs(t) < 2 ? " (within chance: |t| < 2)" : "")
    }

    static func costRows(_ charges: Charges) -> [(String, Money)] {
        [("brokerage", charges.brokerage), ("stt", charges.stt), ("exchange_txn", charges.exchangeTxn),
         ("sebi", charges.sebi), ("stamp", charges.stamp), ("gst", charges.gst), ("dp", charges.dp),
         ("total", charges.total)]
    }

    static func settingsLine(_ result: BacktestResult) -> String {
        let s = result.settings
        return "top \(s.topK), rebalance every \(s.rebalanceDays) trading days, at most \(s.maxReplacements) replacements, "
            + "min probability \(s.minProbability), capital Rs \(s.capital), plan \(s.plan)"
    }
}
