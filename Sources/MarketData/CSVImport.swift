import Foundation
import SystemIO

/// The outcome of validating CSV files for import.
public struct ImportResult: Sendable {
    public var series: BarSeries
    public var rowsRead: Int
    /// Rows skipped in lenient mode, each naming `file:line` and the problem.
    public var skipped: [CSVError]
}

/// Validates bar files before anything is written: parseable timestamps, consistent OHLC
/// (low <= open, close <= high), non-negative volume, no NaN or infinity, no duplicate timestamps.
public enum CSVImport {
    /// With a `calendar`, a bar on a day the exchange was closed is a bad row (days outside the
    /// calendar's years cannot be checked and pass).
    public static func validate(files: [URL], interval: Interval, lenient: Bool,
                                calendar: TradingCalendar? = nil) throws -> ImportResult {
        var seen: [Int64: String] = [:]
        var bars: [Bar] = []
        var skipped: [CSVError] = []
        var rowsRead = 0
        for url in files {
            let path = url.path
            guard FileManager.default.fileExists(atPath: path) else {
                throw CSVError(file: path, line: 0, message: "no such file")
            }
            var bytes = try PosixFile.read(path)
            if path.hasSuffix(".gz") { bytes = try Gzip.decompress(bytes) }
            let parsed = try BarCSV.parse(bytes, file: path)
            rowsRead += parsed.bars.count + parsed.problems.count
            var problems = parsed.problems.map { CSVError(file: path, line: $0.line, message: $0.message) }
            // BarCSV drops unreadable rows, so line numbers of good rows come from a second pass.
            let lines = lineNumbers(of: bytes, excluding: Set(parsed.problems.map(\.line)))
            for (k, raw) in parsed.bars.enumerated() {
                var bar = raw
                if interval == .oneDay { bar.timestamp = bar.day.startEpochSeconds }
                let location = "\(path):\(lines[k])"
                if let problem = check(bar) ?? closedDay(bar.day, calendar) {
                    problems.append(CSVError(file: path, line: lines[k], message: problem))
                } else if let first = seen[bar.timestamp] {
                    problems.append(CSVError(file: path, line: lines[k], message: "duplicate timestamp \(IST.format(bar.timestamp)) (first at \(first))"))
                } else {
                    seen[bar.timestamp] = location
                    bars.append(bar)
                }
            }
            problems.sort { $0.line < $1.line }
            if let first = problems.first, !lenient {
                let more = problems.count > 1 ? " (and \(problems.count - 1) more bad rows; --lenient skips them)" : " (--lenient skips bad rows)"
                throw CSVError(file: first.file, line: first.line, message: first.message + more)
            }
            skipped += problems
        }
        guard !bars.isEmpty else {
            throw CSVError(file: files.map(\.path).joined(separator: ", "), line: 0,
                           message: "no valid rows to import (\(rowsRead) read, \(skipped.count) rejected)")
        }
        return ImportResult(series: BarSeries(bars: bars), rowsRead: rowsRead, skipped: skipped)
    }

    /// The problem with a bar's values, or nil when it is consistent.
    public static func check(_ b: Bar) -> String? {
        for (name, v) in [("open", b.open), ("high", b.high), ("low", b.low), ("close", b.close), ("volume", b.volume)] where !v.isFinite {
            return "\(name) is \(v), not a finite number"
        }
        if b.low > b.high { return "low \(b.low) > high \(b.high)" }
        if b.open < b.low || b.open > b.high { return "open \(b.open) outside low..high \(b.low)..\(b.high)" }
        if b.close < b.low || b.close > b.high { return "close \(b.close) outside low..high \(b.low)..\(b.high)" }
        if b.volume < 0 { return "negative volume \(b.volume)" }
        return nil
    }

    static func closedDay(_ day: CalendarDay, _ calendar: TradingCalendar?) -> String? {
        guard let calendar, let open = try? calendar.isTradingDay(day), !open else { return nil }
        let why = calendar.closure(on: day) ?? (day.isWeekend ? "a weekend" : "closed")
        return "\(day) is not an NSE trading day (\(why))"
    }

    /// 1-based line numbers of the data rows (after the header, skipping blank lines and `excluding`).
    static func lineNumbers(of bytes: [UInt8], excluding: Set<Int>) -> [Int] {
        var numbers: [Int] = []
        var line = 0
        var start = 0
        var sawHeader = false
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 10 { end += 1 }
            line += 1
            let blank = end == start || (end == start + 1 && bytes[start] == 13)
            if !blank {
                if !sawHeader { sawHeader = true } else if !excluding.contains(line) { numbers.append(line) }
            }
            start = end + 1
        }
        return numbers
    }
}
