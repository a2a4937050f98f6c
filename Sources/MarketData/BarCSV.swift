import Foundation
import SystemIO

/// A row that could not be read, with its 1-based line number.
public struct CSVRowProblem: Equatable, Sendable {
    public var line: Int
    public var message: String
}

public struct CSVError: ClassifiedError, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public var failureClass: FailureClass { .invalidInput }
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
}

/// Reads and writes OHLCV CSV in the original cache's format, accepting its column aliases
/// and timestamp styles (`+05:30`, `Z`, naive = IST, date only = 00:00 IST).
public enum BarCSV {
    public static let header = "timestamp,open,high,low,close,volume"

    static let aliases: [String: Int] = [
        "timestamp": 0, "datetime": 0, "date": 0, "time": 0, "ts": 0,
        "open": 1, "o": 1, "high": 2, "h": 2, "low": 3, "l": 3, "close": 4, "c": 4,
        "volume": 5, "v": 5, "vol": 5,
    ]

    /// Parses CSV bytes. Rows that cannot be read are returned as problems rather than thrown,
    /// so callers decide between strict and lenient handling. A missing column is an error.
    public static func parse(_ bytes: [UInt8], file: String) throws -> (bars: [Bar], problems: [CSVRowProblem]) {
        var bars: [Bar] = []
        var problems: [CSVRowProblem] = []
        var columns: [Int]? = nil   // column index for timestamp, open, high, low, close, volume
        var lineNumber = 0
        var fields: [ArraySlice<UInt8>] = []
        // A UTF-8 byte-order mark (spreadsheet exports) is not part of the header.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let n = bytes.count
        while start < n {
            var end = start
            while end < n && bytes[end] != 10 { end += 1 }
            lineNumber += 1
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
            defer { start = end + 1 }
            if lineEnd == start { continue }
            guard let cols = columns else {
                // Fast path: the header this tool and the original write (read once per day file).
                if bytes[start..<lineEnd].elementsEqual(canonicalHeader) {
                    columns = [0, 1, 2, 3, 4, 5]
                } else {
                    split(bytes[start..<lineEnd], into: &fields)
                    columns = try resolveHeader(fields, file: file, line: lineNumber)
                }
                continue
            }
            split(bytes[start..<lineEnd], into: &fields)
            switch parseRow(fields, columns: cols) {
            case .success(let bar): bars.append(bar)
            case .failure(let message): problems.append(CSVRowProblem(line: lineNumber, message: message))
            }
        }
        if columns == nil { throw CSVError(file: file, line: 0, message: "empty file: expected a header `\(header)`") }
        return (bars, problems)
    }

    static let canonicalHeader = Array(header.utf8)

    static func resolveHeader(_ fields: [ArraySlice<UInt8>], file: String, line: Int) throws -> [Int] {
        var found = [Int](repeating: -1, count: 6)
        for (index, field) in fields.enumerated() {
            let name = String(decoding: field.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
            if let slot = aliases[name], found[slot] < 0 { found[slot] = index }
        }
        let names = ["timestamp", "open", "high", "low", "close", "volume"]
        let missing = (0..<6).filter { found[$0] < 0 }.map { names[$0] }
        guard missing.isEmpty else {
            let got = fields.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")
            throw CSVError(file: file, line: line, message: "header `\(got)` lacks column(s) \(missing.joined(separator: ", ")); expected `\(header)`")
        }
        return found
    }

    enum RowResult { case success(Bar), failure(String) }

    static func parseRow(_ fields: [ArraySlice<UInt8>], columns: [Int]) -> RowResult {
        guard fields.count > columns.max()! else { return .failure("expected at least \(columns.max()! + 1) fields, found \(fields.count)") }
        guard let ts = Timestamp.parse(fields[columns[0]]) else {
            return .failure("unparseable timestamp `\(String(decoding: fields[columns[0]], as: UTF8.self))`")
        }
        func value(_ k: Int, _ name: String) -> Result<Double, RowError> {
            let field = fields[columns[k]]
            guard let v = DecimalText.parse(field) else { return .failure(RowError(message: "\(name) `\(String(decoding: field, as: UTF8.self))` is not a number")) }
            return .success(v)
        }
        do {
            return .success(Bar(timestamp: ts, open: try value(1, "open").get(), high: try value(2, "high").get(),
                                low: try value(3, "low").get(), close: try value(4, "close").get(), volume: try value(5, "volume").get()))
        } catch {
            return .failure(error.message)
        }
    }

    struct RowError: Error { var message: String }

    static func split(_ line: ArraySlice<UInt8>, into fields: inout [ArraySlice<UInt8>]) {
        fields.removeAll(keepingCapacity: true)
        var fieldStart = line.startIndex
        var i = line.startIndex
        while i <= line.endIndex {
            if i == line.endIndex || line[i] == 44 {
                fields.append(trim(line[fieldStart..<i]))
                fieldStart = i + 1
            }
            i += 1
        }
    }

    static func trim(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi && (s[lo] == 32 || s[lo] == 34 || s[lo] == 9) { lo += 1 }
        while hi > lo && (s[hi - 1] == 32 || s[hi - 1] == 34 || s[hi - 1] == 9) { hi -= 1 }
        return s[lo..<hi]
    }

    /// CSV text in the original cache's format.
    public static func format(_ series: BarSeries) -> [UInt8] {
        var out = header + "\n"
        for i in 0..<series.count {
            out += IST.format(series.timestamps[i])
            for v in [series.open[i], series.high[i], series.low[i], series.close[i]] { out += ",\(v)" }
            out += ",\(formatVolume(series.volume[i]))\n"
        }
        return Array(out.utf8)
    }

    /// Volumes are counts: written without a fractional part when they have none.
    public static func formatVolume(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }
}

/// Timestamp text to epoch seconds.
public enum Timestamp {
    /// Accepts `YYYY-MM-DD`, optionally followed by ` ` or `T` and `HH:MM[:SS[.fff]]`, optionally
    /// followed by `Z`, `+HH:MM`, `-HH:MM` or `+HHMM`. No offset means IST.
    public static func parse(_ f: some Collection<UInt8>) -> Int64? {
        parse(bytes: ArraySlice(f))
    }

    static func parse(bytes u: ArraySlice<UInt8>) -> Int64? {
        let base = u.startIndex
        let count = u.count
        func at(_ k: Int) -> UInt8 { u[base + k] }
        func number(_ i: inout Int, _ width: Int) -> Int? {
            guard i + width <= count else { return nil }
            var v = 0
            for k in i..<(i + width) {
                let c = at(k)
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += width
            return v
        }
        guard count >= 10, at(4) == 45, at(7) == 45 else { return nil }
        var i = 0
        guard let y = number(&i, 4) else { return nil }
        i = 5
        guard let mo = number(&i, 2) else { return nil }
        i = 8
        guard let d = number(&i, 2), let day = CalendarDay(year: y, month: mo, day: d) else { return nil }
        var seconds = 0
        if i < count, at(i) == 32 || at(i) == 84 {
            i += 1
            guard let hh = number(&i, 2), i < count, at(i) == 58, hh < 24 else { return nil }
            i += 1
            guard let mm = number(&i, 2), mm < 60 else { return nil }
            seconds = hh * 3600 + mm * 60
            if i < count, at(i) == 58 {
                i += 1
                guard let ss = number(&i, 2), ss < 61 else { return nil }
                seconds += ss
                if i < count, at(i) == 46 {
                    i += 1
                    while i < count, at(i) >= 48, at(i) <= 57 { i += 1 }
                }
            }
        }
        var offset = Int(IST.offsetSeconds)
        if i < count {
            if at(i) == 90 { offset = 0; i += 1 }
            else if at(i) == 43 || at(i) == 45 {
                let sign = at(i) == 43 ? 1 : -1
                i += 1
                guard let oh = number(&i, 2) else { return nil }
                if i < count, at(i) == 58 { i += 1 }
                guard let om = number(&i, 2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == count else { return nil }
        return Int64(day.ordinal) * 86_400 + Int64(seconds) - Int64(offset)
    }
}
