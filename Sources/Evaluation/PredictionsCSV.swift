import MarketData
import SystemIO

/// `evaluation/predictions.csv`: one row per out-of-sample prediction, by date then symbol.
/// Its `date` is the bar's date (daily bars) or its IST start time (intraday bars).
/// An empty label or forward return means it is not knowable yet from the cache.
public enum PredictionsCSV {
    public static let header = "date,symbol,window_label,probability,label,forward_return"

    public static func format(_ rows: [PredictionRow]) -> String {
        var out = header + "\n"
        for r in rows {
            out += "\(r.time),\(r.symbol),\(r.windowLabel),\(r.probability),\(r.label.map { String(Int($0)) } ?? ""),\(r.forwardReturn.map { "\($0)" } ?? "")\n"
        }
        return out
    }

    /// One row's score, as a reader of the file (the backtest) needs it.
    public struct Score: Sendable, Equatable {
        public var date: CalendarDay
        public var symbol: String
        public var probability: Double
    }

    /// The scores of a `predictions.csv` (an intraday row's date is its time's date); a row that cannot be read is named by its 1-based line.
    public static func scores(_ bytes: [UInt8], file: String) throws -> [Score] {
        try bytes.split(separator: 10).dropFirst().enumerated().map { k, line in
            let f = line.split(separator: 44, omittingEmptySubsequences: false)
            guard f.count >= 4, let day = CalendarDay(String(decoding: f[0].prefix(10), as: UTF8.self)), let p = DecimalText.parse(f[3]) else {
                throw CSVError(file: file, line: k + 2, message: "not a prediction row: `\(String(decoding: line.prefix(80), as: UTF8.self))`")
            }
            return Score(date: day, symbol: String(decoding: f[1], as: UTF8.self), probability: p)
        }
    }
}
