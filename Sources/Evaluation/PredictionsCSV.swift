/// `evaluation/predictions.csv`: one row per out-of-sample prediction, by date then symbol.
/// An empty label or forward return means it is not knowable yet from the cache.
public enum PredictionsCSV {
    public static let header = "date,symbol,window_label,probability,label,forward_return"

    public static func format(_ rows: [PredictionRow]) -> String {
        var out = header + "\n"
        for r in rows {
            out += "\(r.date),\(r.symbol),\(r.windowLabel),\(r.probability),\(r.label.map { String(Int($0)) } ?? ""),\(r.forwardReturn.map { "\($0)" } ?? "")\n"
        }
        return out
    }
}
