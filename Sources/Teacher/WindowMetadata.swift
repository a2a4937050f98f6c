import Foundation
import MarketData

/// `metadata.json`: the original's fields (symbol, date_range, row counts, label_distribution,
/// features, config, metrics) plus what makes a model reproducible and checkable.
struct WindowMetadata: Encodable {
    struct DateRange: Encodable { let start: String; let end: String }

    struct DataProvenance: Encodable {
        let interval: String
        let firstBar: String
        let lastBar: String
        let windowFirstBar: String
        let windowLastBar: String
        let bars: Int
        let warmupBars: Int
        let lookaheadBars: Int
        let sha256: String
        let sha256Of: String

        enum CodingKeys: String, CodingKey {
            case interval, bars, sha256
            case firstBar = "first_bar", lastBar = "last_bar"
            case windowFirstBar = "window_first_bar", windowLastBar = "window_last_bar"
            case warmupBars = "warmup_bars", lookaheadBars = "lookahead_bars", sha256Of = "sha256_of"
        }
    }

    struct Config: Encodable {
        let forecastHorizon: Int
        let threshold: Double
        let split: String
        let splitSeed: UInt64?
        let purgeBars: Int
        let warmup: Bool
        let warmupBarsMax: Int
        let labelLookahead: Bool
        let minimumRows: Int

        enum CodingKeys: String, CodingKey {
            case threshold, split, warmup
            case forecastHorizon = "forecast_horizon", splitSeed = "split_seed", purgeBars = "purge_bars"
            case warmupBarsMax = "warmup_bars_max", labelLookahead = "label_lookahead", minimumRows = "minimum_rows"
        }
    }

    let symbol: String
    let windowLabel: String
    let dateRange: DateRange
    let totalRows: Int
    let trainRows: Int
    let valRows: Int
    let purgedRows: Int
    let labelDistribution: [String: Int]
    let features: [String]
    let config: Config
    let parameters: [String: String]
    let lightgbmVersion: String
    let data: DataProvenance
    let metrics: MetricsJSON

    enum CodingKeys: String, CodingKey {
        case symbol, features, config, parameters, data, metrics
        case windowLabel = "window_label", dateRange = "date_range"
        case totalRows = "total_rows", trainRows = "train_rows", valRows = "val_rows", purgedRows = "purged_rows"
        case labelDistribution = "label_distribution", lightgbmVersion = "lightgbm_version"
    }

    static func encode(_ metadata: WindowMetadata) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(metadata)) + [10]
    }
}

/// Metrics as one flat JSON object: `train_*` and `val_*` values (null when undefined),
/// the iteration counts, and `undefined` mapping each null metric to its reason.
struct MetricsJSON: Encodable {
    let metrics: WindowMetrics

    private struct Key: CodingKey {
        let stringValue: String
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        var undefined: [String: String] = [:]
        for (prefix, m) in [("train", metrics.train), ("val", metrics.validation)] {
            let values: [(String, Double?)] = [
                ("accuracy", m.accuracy), ("precision", m.precision), ("recall", m.recall),
                ("f1", m.f1), ("auc", m.auc), ("logloss", m.logloss),
            ]
            for (name, value) in values {
                try c.encode(value, forKey: Key("\(prefix)_\(name)"))
                if value == nil { undefined["\(prefix)_\(name)"] = m.undefined[name] ?? "undefined" }
            }
        }
        try c.encode(metrics.bestIteration, forKey: Key("best_iteration"))
        try c.encode(metrics.iterationsRun, forKey: Key("iterations_run"))
        try c.encode(metrics.stoppedEarly, forKey: Key("stopped_early"))
        try c.encode(undefined, forKey: Key("undefined"))
    }
}
