import Batch
import Foundation

/// The report's inline SVG charts. Each is a complete `<svg>` element with a fixed id, a
/// `<title>` for screen readers and a `<title>` per mark for hover text. Pure functions of the model.
enum SVGCharts {
    static let outcomeGridId = "outcome-grid"
    static let classCountsId = "class-counts"
    static let durationHistogramId = "duration-histogram"
    static let aucHistogramId = "auc-histogram"
    static let allIds = [outcomeGridId, classCountsId, durationHistogramId, aucHistogramId]

    // MARK: Outcome grid

    /// Symbols × windows, one square per window coloured by status. Symbols run down columns
    /// of panels, so a 96-symbol batch is a compact block rather than one very tall strip.
    static func outcomeGrid(_ m: ReportModel) -> String {
        let cell = 14, pitch = 18, header = 18
        let columns = max(1, m.windowRanges.count)
        let labelWidth = max(48, (m.symbols.map(\.count).max() ?? 4) * 8 + 12)
        let panelWidth = labelWidth + columns * pitch + 20
        let panelsThatFit = max(1, 1040 / panelWidth)
        let panels = min(panelsThatFit, max(1, (m.symbols.count + 11) / 12))
        let rowsPerPanel = max(1, (m.symbols.count + panels - 1) / panels)
        let gridHeight = header + rowsPerPanel * pitch
        let keyColumns = max(1, min(4, (panels * panelWidth) / 250))
        let keyRows = (m.windowRanges.count + keyColumns - 1) / keyColumns
        let width = max(panels * panelWidth, 520)
        let height = gridHeight + 34 + keyRows * 16

        var windowAt: [String: [Int: WindowFacts]] = [:]
        for w in m.windows { windowAt[w.symbol, default: [:]][w.column] = w }

        var out = open(outcomeGridId, width: width, height: height,
                       title: "Outcome of every window: \(m.symbols.count) symbols × \(m.windowRanges.count) window ranges")
        let labelEvery = max(1, columns / 20)
        for p in 0..<panels {
            let x0 = p * panelWidth + labelWidth
            for c in stride(from: 0, to: m.windowRanges.count, by: labelEvery) {
                out += text(x: x0 + c * pitch + cell / 2, y: header - 6, anchor: "middle", m.windowRanges[c].name, cssClass: "axis")
            }
        }
        for (s, symbol) in m.symbols.enumerated() {
            let p = s / rowsPerPanel, r = s % rowsPerPanel
            let x0 = p * panelWidth, y = header + r * pitch
            out += text(x: x0 + labelWidth - 6, y: y + cell - 2, anchor: "end", symbol)
            for c in 0..<m.windowRanges.count {
                let x = x0 + labelWidth + c * pitch
                guard let w = windowAt[symbol]?[c] else {
                    out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"#ffffff\" stroke=\"#c9ccd1\"><title>\(HTMLText.escape("\(symbol) \(m.windowRanges[c].name): no window planned"))</title></rect>"
                    continue
                }
                out += "<g><title>\(HTMLText.escape(hoverText(w)))</title>"
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(OutcomePalette.color(w.status))\"/>"
                out += statusMark(w.status, x: x, y: y, size: cell)
                out += "</g>"
            }
        }
        var lx = 0
        let ly = gridHeight + 12
        for status in OutcomePalette.legendOrder {
            let n = m.windows.filter { $0.status == status }.count
            guard n > 0 || status == .success || status == .skipped || status == .failed else { continue }
            out += "<rect x=\"\(lx)\" y=\"\(ly - 10)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(OutcomePalette.color(status))\"/>"
            out += statusMark(status, x: lx, y: ly - 10, size: cell)
            let label = "\(status.rawValue) \(n)"
            out += text(x: lx + cell + 5, y: ly, anchor: "start", label)
            lx += cell + 5 + label.count * 7 + 18
        }
        let keyWidth = width / keyColumns
        for (i, range) in m.windowRanges.enumerated() {
            let kx = (i / keyRows) * keyWidth, ky = ly + 22 + (i % keyRows) * 16
            out += text(x: kx, y: ky, anchor: "start", "\(range.name) = \(range.startDate) → \(range.endDate)", cssClass: "axis")
        }
        return out + "</svg>"
    }

    static func hoverText(_ w: WindowFacts) -> String {
        var parts = ["\(w.label): \(w.status.rawValue)"]
        if let c = w.failureClass { parts.append(c.rawValue) }
        if let reason = w.reason { parts.append(reason) }
        if let auc = w.validationAUC { parts.append("val_auc \(Formatting.fixed(auc, 3))") }
        if w.attempts > 1 { parts.append("\(w.attempts) attempts") }
        return parts.joined(separator: " · ")
    }

    /// A stroke on top of the colour, so status survives greyscale printing and colour blindness.
    static func statusMark(_ status: WindowStatus, x: Int, y: Int, size: Int) -> String {
        switch status {
        case .failed:
            return "<path d=\"M\(x + 3) \(y + 3)L\(x + size - 3) \(y + size - 3)M\(x + size - 3) \(y + 3)L\(x + 3) \(y + size - 3)\" stroke=\"#ffffff\" stroke-width=\"1.6\"/>"
        case .skipped:
            return "<path d=\"M\(x + 3) \(y + size / 2)H\(x + size - 3)\" stroke=\"#5b4500\" stroke-width=\"1.6\"/>"
        case .pending, .running:
            return "<circle cx=\"\(x + size / 2)\" cy=\"\(y + size / 2)\" r=\"2\" fill=\"#1d2330\"/>"
        case .success:
            return ""
        }
    }

    // MARK: Counts by class

    static func classCounts(_ m: ReportModel) -> String {
        let labelWidth = 150, barArea = 470, rowHeight = 24, top = 8
        let rows = m.countsByClass
        let height = top + max(1, rows.count) * rowHeight + 34
        let width = labelWidth + barArea + 70
        var out = open(classCountsId, width: width, height: height, title: "Windows by outcome class, split by status")
        guard let largest = rows.map(\.total).max(), largest > 0 else {
            return out + text(x: 10, y: top + 16, anchor: "start", "No windows.") + "</svg>"
        }
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            out += text(x: labelWidth - 8, y: y + 15, anchor: "end", row.name)
            var x = Double(labelWidth)
            let segments: [(WindowStatus, Int)] = [(.success, row.succeeded), (.skipped, row.skipped), (.failed, row.failed), (.pending, row.notRun)]
            for (status, count) in segments where count > 0 {
                let w = Double(barArea) * Double(count) / Double(largest)
                let statusName = status == .pending ? "not run" : status.rawValue
                out += "<rect x=\"\(svgNumber(x))\" y=\"\(y + 3)\" width=\"\(svgNumber(max(w, 1)))\" height=\"\(rowHeight - 6)\" fill=\"\(OutcomePalette.color(status))\"><title>\(HTMLText.escape("\(row.name), \(statusName): \(count)"))</title></rect>"
                x += w
            }
            out += text(x: Int(x.rounded()) + 6, y: y + 15, anchor: "start", "\(row.total)")
        }
        let ly = top + rows.count * rowHeight + 20
        var lx = labelWidth
        for (status, name) in [(WindowStatus.success, "success"), (.skipped, "skipped"), (.failed, "failed"), (.pending, "not run")] {
            out += "<rect x=\"\(lx)\" y=\"\(ly - 10)\" width=\"12\" height=\"12\" fill=\"\(OutcomePalette.color(status))\"/>"
            out += text(x: lx + 17, y: ly, anchor: "start", name)
            lx += 17 + name.count * 7 + 20
        }
        return out + "</svg>"
    }

    // MARK: Histograms

    static func histogram(id: String, _ d: Distribution, title: String, decimals: Int) -> String {
        let width = 500, height = 250
        let left = 46, right = 14, top = 34, bottom = 44
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let heading = "\(title): \(Formatting.plural(d.count, "window")), \(d.excluded) excluded"
        var out = open(id, width: width, height: height, title: "\(heading) (\(d.exclusionReason))")
        out += text(x: 0, y: 14, anchor: "start", heading, cssClass: "chart-title")
        out += "<path d=\"M\(left) \(top)V\(top + plotHeight)H\(left + plotWidth)\" fill=\"none\" stroke=\"#6b7280\"/>"
        guard d.count > 0, !d.bins.isEmpty, let tallest = d.bins.map(\.count).max(), tallest > 0 else {
            out += text(x: left + plotWidth / 2, y: top + plotHeight / 2, anchor: "middle", "No values (\(d.excluded) excluded)")
            return out + "</svg>"
        }
        let barWidth = Double(plotWidth) / Double(d.bins.count)
        for (i, bin) in d.bins.enumerated() where bin.count > 0 {
            let h = Double(plotHeight) * Double(bin.count) / Double(tallest)
            let x = Double(left) + Double(i) * barWidth
            let range = ReportText.binLabel(bin, decimals: decimals, isLast: i == d.bins.count - 1)
            out += "<rect x=\"\(svgNumber(x + 1))\" y=\"\(svgNumber(Double(top + plotHeight) - h))\" width=\"\(svgNumber(max(barWidth - 2, 1)))\" height=\"\(svgNumber(h))\" fill=\"\(OutcomePalette.histogramFill)\"><title>\(HTMLText.escape("\(range): \(Formatting.plural(bin.count, "window"))"))</title></rect>"
        }
        for tick in Set([0, tallest / 2, tallest]).sorted() where tick == 0 || tick == tallest || tallest >= 4 {
            let y = Double(top + plotHeight) - Double(plotHeight) * Double(tick) / Double(tallest)
            out += text(x: left - 6, y: Int(y.rounded()) + 4, anchor: "end", "\(tick)", cssClass: "axis")
        }
        let labelEvery = max(1, (d.bins.count + 5) / 6)
        for i in stride(from: 0, through: d.bins.count, by: labelEvery) {
            let edge = i < d.bins.count ? d.bins[i].lower : d.bins[d.bins.count - 1].upper
            let x = Double(left) + Double(i) * barWidth
            out += text(x: Int(x.rounded()), y: top + plotHeight + 16, anchor: "middle", Formatting.fixed(edge, decimals), cssClass: "axis")
        }
        out += text(x: left + plotWidth / 2, y: height - 6, anchor: "middle", "windows per bin; hover a bar for its range", cssClass: "axis")
        return out + "</svg>"
    }

    // MARK: SVG pieces

    static func open(_ id: String, width: Int, height: Int, title: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
    }

    static func text(x: Int, y: Int, anchor: String, _ content: String, cssClass: String? = nil) -> String {
        let cls = cssClass.map { " class=\"\($0)\"" } ?? ""
        return "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\"\(cls)>\(HTMLText.escape(content))</text>"
    }

    static func svgNumber(_ x: Double) -> String { Formatting.fixed(x, 2) }
}
