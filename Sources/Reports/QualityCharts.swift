import Evaluation
import Foundation

/// The "Model quality" charts: rank IC over time with its running mean, the calibration
/// curve, and the cumulative top-k excess return. Pure functions of the evaluation.
enum QualityCharts {
    static let rankICId = "rank-ic-series"
    static let calibrationId = "calibration-curve"
    static let topKId = "topk-cumulative"
    static let allIds = [rankICId, calibrationId, topKId]

    static func rankIC(_ q: EvaluationSummary) -> String {
        let points = q.daily.compactMap { d in d.rankIC.map { (d.date, $0) } }
        var sum = 0.0
        let running = points.enumerated().map { k, p in sum += p.1; return sum / Double(k + 1) }
        return lineChart(id: rankICId, title: "Rank IC per date (grey) and its running mean (blue)",
                         labels: points.map(\.0), series: [(points.map(\.1), "#9ca3af", 1), (running, "#1d4ed8", 2)])
    }

    static func topKCumulative(_ q: EvaluationSummary) -> String {
        let points = q.daily.compactMap { d in d.topKExcess.map { (d.date, $0) } }
        var sum = 0.0
        let cumulative = points.map { sum += $0.1; return sum }
        return lineChart(id: topKId, title: "Cumulative top-\(q.topKExcess.k) excess forward return (sum per date)",
                         labels: points.map(\.0), series: [(cumulative, "#047857", 2)])
    }

    static func calibration(_ q: EvaluationSummary) -> String {
        let width = 360, height = 300, left = 46, top = 34, size = 220
        var out = SVGCharts.open(calibrationId, width: width, height: height, title: "Calibration: observed rate of label 1 against mean predicted probability")
        out += SVGCharts.text(x: 0, y: 14, anchor: "start", "Calibration (10 bins; dashed: perfect)", cssClass: "chart-title")
        func x(_ v: Double) -> String { SVGCharts.svgNumber(Double(left) + v * Double(size)) }
        func y(_ v: Double) -> String { SVGCharts.svgNumber(Double(top + size) - v * Double(size)) }
        out += "<path d=\"M\(left) \(top)V\(top + size)H\(left + size)\" fill=\"none\" stroke=\"#6b7280\"/>"
        out += "<path d=\"M\(x(0)) \(y(0))L\(x(1)) \(y(1))\" stroke=\"#9ca3af\" stroke-dasharray=\"4 3\"/>"
        let bins = q.calibration.filter { $0.count > 0 }
        let path = bins.compactMap { b in b.meanProbability.flatMap { p in b.observedFrequency.map { "\(x(p)) \(y($0))" } } }
        if !path.isEmpty { out += "<path d=\"M\(path.joined(separator: "L"))\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\"/>" }
        for b in bins {
            guard let p = b.meanProbability, let o = b.observedFrequency else { continue }
            out += "<circle cx=\"\(x(p))\" cy=\"\(y(o))\" r=\"3.5\" fill=\"#1d4ed8\"><title>\(HTMLText.escape("\(b.count) rows: mean probability \(Formatting.fixed(p, 3)), observed \(Formatting.fixed(o, 3))"))</title></circle>"
        }
        for tick in [0.0, 0.5, 1.0] {
            out += SVGCharts.text(x: left - 6, y: Int(Double(top + size) - tick * Double(size)) + 4, anchor: "end", Formatting.fixed(tick, 1), cssClass: "axis")
            out += SVGCharts.text(x: Int(Double(left) + tick * Double(size)), y: top + size + 16, anchor: "middle", Formatting.fixed(tick, 1), cssClass: "axis")
        }
        out += SVGCharts.text(x: left + size / 2, y: height - 6, anchor: "middle", "mean predicted probability", cssClass: "axis")
        return out + "</svg>"
    }

    /// Lines over dates; `series` share the y axis, drawn in order.
    private static func lineChart(id: String, title: String, labels: [String], series: [([Double], String, Int)]) -> String {
        let width = 520, height = 250, left = 60, right = 14, top = 34, bottom = 40
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        var out = SVGCharts.open(id, width: width, height: height, title: title)
        out += SVGCharts.text(x: 0, y: 14, anchor: "start", title, cssClass: "chart-title")
        out += "<path d=\"M\(left) \(top)V\(top + plotHeight)H\(left + plotWidth)\" fill=\"none\" stroke=\"#6b7280\"/>"
        let values = series.flatMap(\.0)
        guard labels.count > 1, let lo = values.min(), let hi = values.max() else {
            out += SVGCharts.text(x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: "middle", "Not enough dates")
            return out + "</svg>"
        }
        let low = min(lo, 0), span = max(max(hi, 0) - low, 1e-12)
        func x(_ i: Int) -> String { SVGCharts.svgNumber(Double(left) + Double(plotWidth) * Double(i) / Double(labels.count - 1)) }
        func y(_ v: Double) -> String { SVGCharts.svgNumber(Double(top + plotHeight) - Double(plotHeight) * (v - low) / span) }
        out += "<path d=\"M\(left) \(y(0))H\(left + plotWidth)\" stroke=\"#d1d5db\"/>"
        for (points, colour, stroke) in series {
            let d = points.enumerated().map { "\(x($0.offset)) \(y($0.element))" }.joined(separator: "L")
            out += "<path d=\"M\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(stroke)\"/>"
        }
        for v in [low, low + span / 2, low + span] {
            out += SVGCharts.text(x: left - 6, y: Int(Double(y(v))!.rounded()) + 4, anchor: "end", Formatting.fixed(v, 3), cssClass: "axis")
        }
        for (i, anchor) in [(0, "start"), (labels.count / 2, "middle"), (labels.count - 1, "end")] {
            out += SVGCharts.text(x: Int(Double(x(i))!.rounded()), y: top + plotHeight + 16, anchor: anchor, labels[i], cssClass: "axis")
        }
        return out + "</svg>"
    }
}
