public enum MarkdownReport {
    public static func render(_ result: BacktestResult) -> String {
        var out = "# SenseQuant backtest\n\n"
        if let first = result.equity.first, let last = result.equity.last {
            out += "\(first.date) to \(last.date), \(result.equity.count) trading days. "
        }
        out += ReportFormat.settingsLine(result) + ".\n\n"
        out += "| metric | value |\n|---|---|\n"
        for (name, value) in ReportFormat.summaryRows(result) {
            out += "| \(name) | \(value) |\n"
        }
        out += "\n## Charges\n\n| charge | Rs |\n|---|---:|\n"
        for (name, amount) in ReportFormat.costRows(result.metrics.chargesByKind) {
            out += "| \(name) | \(amount) |\n"
        }
        return out
    }
}
