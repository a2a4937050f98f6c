import Foundation

/// Strategy and benchmark equity on top, strategy drawdown below, as one inline SVG.
enum EquityChartSVG {
    static let width = 800.0
    static let equityHeight = 260.0
    static let drawdownHeight = 120.0
    static let gap = 30.0
    static let margin = 10.0
    /// Room above each panel for its label, so lines never run over the text.
    static let labelHeight = 20.0

    static func render(_ points: [EquityPoint]) -> String {
        let strategy = points.map(\.equity.rupeesDouble)
        let benchmark = points.map(\.benchmarkEquity.rupeesDouble)
        let drawdown = drawdowns(strategy)
        let low = (strategy + benchmark).min() ?? 0
        let high = (strategy + benchmark).max() ?? 1
        let equityTop = margin + labelHeight
        let bottomTop = equityTop + equityHeight + gap + labelHeight
        let height = bottomTop + drawdownHeight + margin
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(fmt(width)) \(fmt(height))" width="\(fmt(width))" height="\(fmt(height))">
        <rect x="0" y="0" width="\(fmt(width))" height="\(fmt(height))" fill="#fff"/>
        <text x="\(fmt(margin))" y="\(fmt(equityTop - 6))" font-size="12">\(equityLabel(points, low: low, high: high))</text>
        \(polyline(benchmark, low: low, high: high, top: equityTop, height: equityHeight, colour: "#999"))
        \(polyline(strategy, low: low, high: high, top: equityTop, height: equityHeight, colour: "#1f5fbf"))
        <text x="\(fmt(margin))" y="\(fmt(bottomTop - 6))" font-size="12">strategy drawdown (max \(ReportFormat.percent(-(drawdown.min() ?? 0))))</text>
        \(polyline(drawdown, low: min(drawdown.min() ?? 0, -1e-9), high: 0, top: bottomTop, height: drawdownHeight, colour: "#c0392b"))
        </svg>
        """
    }

    /// The panel's dates and value scale, since the chart draws no axes.
    static func equityLabel(_ points: [EquityPoint], low: Double, high: Double) -> String {
        let dates = points.first.map { "\($0.date) to \(points.last!.date)" } ?? "no days"
        return "equity \(dates): strategy (blue), benchmark (grey); bottom Rs \(String(format: "%.0f", low)), top Rs \(String(format: "%.0f", high))"
    }

    /// Fall from the running peak at each point, as a non-positive fraction.
    static func drawdowns(_ values: [Double]) -> [Double] {
        var peak = -Double.infinity
        return values.map { value in
            peak = max(peak, value)
            return value / peak - 1
        }
    }

    private static func polyline(_ values: [Double], low: Double, high: Double, top: Double, height: Double, colour: String) -> String {
        let span = high > low ? high - low : 1
        let step = values.count > 1 ? (width - 2 * margin) / Double(values.count - 1) : 0
        let coordinates = values.enumerated().map { index, value in
            "\(fmt(margin + Double(index) * step)),\(fmt(top + (high - value) / span * height))"
        }
        return "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"/>"
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
