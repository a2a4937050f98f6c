/// A self-contained HTML page: inline CSS, the equity/drawdown SVG, the metrics and the cost breakdown.
public enum HTMLReport {
    public static func render(_ result: BacktestResult) -> String {
        let summary = ReportFormat.summaryRows(result)
            .map { "<tr><td>\(escape($0.0))</td><td>\(escape($0.1))</td></tr>" }
            .joined(separator: "\n")
        let costs = ReportFormat.costRows(result.metrics.chargesByKind)
            .map { "<tr><td>\($0.0)</td><td class=\"num\">\($0.1)</td></tr>" }
            .joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>SenseQuant backtest</title>
        <style>
        body { font-family: sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        td, th { border: 1px solid #ccc; padding: 4px 10px; }
        td.num { text-align: right; font-family: monospace; }
        </style>
        </head>
        <body>
        <h1>SenseQuant backtest</h1>
        <p>\(escape(ReportFormat.settingsLine(result)))</p>
        \(EquityChartSVG.render(result.equity))
        <h2>Metrics</h2>
        <table>
        \(summary)
        </table>
        <h2>Charges</h2>
        <table>
        <tr><th>charge</th><th>Rs</th></tr>
        \(costs)
        </table>
        </body>
        </html>

        """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
