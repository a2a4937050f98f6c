import Foundation
import MarketData

/// Plain-text renderings of fetch progress and results, shared by the command and the demo.
public enum FetchReportText {
    /// One row per symbol: days fetched, cached, missing (provider had no bars), errors.
    public static func table(_ report: FetchReport) -> String {
        var rows = [["symbol", "fetched", "cached", "missing", "errors", "bars"]]
        for s in report.symbols {
            rows.append([s.symbol, "\(s.fetched)", "\(s.cached)", "\(s.missing)", "\(s.errors)", "\(s.bars)"])
        }
        return columns(rows)
    }

    /// The closing lines: totals, range notes, the stop reason and every failed chunk.
    public static func summary(_ report: FetchReport) -> String {
        var lines: [String] = []
        let rate = report.elapsedSeconds > 0 ? Double(report.daysFetched) / report.elapsedSeconds : 0
        lines.append("\(report.daysFetched) symbol-days fetched in \(report.requests) requests, \(format(report.elapsedSeconds))s (\(Int(rate)) symbol-days/s)")
        if let fetchable = report.fetchableRange, fetchable != report.requestedRange {
            lines.append("note: fetched \(fetchable) only; later days are not final yet")
        } else if report.fetchableRange == nil {
            lines.append("note: nothing to fetch: \(report.requestedRange) has no finished day yet")
        }
        for path in report.quarantined {
            lines.append("moved a damaged cache file to \(path); its days were fetched again")
        }
        if let stop = report.stoppedBy {
            lines.append("stopped: \(stop.message)")
            if let remedy = stop.remedy { lines.append("  fix: \(RemedyText.render(remedy))") }
        }
        if !report.failures.isEmpty {
            lines.append("\(report.failures.count) chunk(s) not fetched:")
            lines += report.failures.map { "  \($0) [\($0.failureClass.rawValue)]" }
        }
        return lines.joined(separator: "\n")
    }

    /// `[#######.....] 12/40 chunks, 830 days, 14 requests`
    public static func progressBar(_ p: FetchProgress, width: Int = 30) -> String {
        let fraction = p.chunksTotal == 0 ? 1 : Double(p.chunksDone) / Double(p.chunksTotal)
        let filled = Int((fraction * Double(width)).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + progressLine(p)
    }

    public static func progressLine(_ p: FetchProgress) -> String {
        "\(p.chunksDone)/\(p.chunksTotal) chunks, \(p.daysFetched) days, \(p.requests) requests"
    }

    static func columns(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { col in rows.map { $0[col].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { col, cell in
                col == 0 ? cell.padding(toLength: widths[col], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[col] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
    }
}

