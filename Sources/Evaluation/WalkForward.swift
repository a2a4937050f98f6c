import Foundation
import LightGBM
import MarketData
import Teacher

/// One out-of-sample prediction, as `predictions.csv` holds it.
public struct PredictionRow: Sendable, Equatable {
    public var date: CalendarDay
    /// The bar's time as `predictions.csv` and the cross-sections key it: the date for daily
    /// bars, the IST timestamp (`2024-01-02 09:15:00+05:30`) for intraday ones. Both sort as text.
    public var time: DateKey
    public var symbol: String
    /// The window whose model scored the row.
    public var windowLabel: String
    public var probability: Double
    /// nil while the label's bars are not yet in the cache.
    public var label: Double?
    public var forwardReturn: Double?

    public var scored: ScoredRow {
        ScoredRow(date: time, symbol: symbol, probability: probability, label: label, forwardReturn: forwardReturn)
    }
}

/// A trained window's model file.
public struct WindowModel: Sendable {
    public var label: String
    public var range: DayRange
    public var modelFile: URL

    public init(label: String, range: DayRange, modelFile: URL) {
        self.label = label
        self.range = range
        self.modelFile = modelFile
    }
}

/// Walk-forward predictions of one symbol: each window's model scores the bars after it (see
/// `ScoringSchedule`), with features prepared exactly as for training (warm-up included),
/// stitched into one series.
public enum WalkForward {
    public static func predict(symbol: String, bars: BarSeries, models: [WindowModel], config: TeacherConfig,
                               evalDays: Int, library: LightGBMLibrary) throws -> [PredictionRow] {
        let ordered = models.sorted { $0.range.last < $1.range.last }
        let days = bars.timestamps.map { CalendarDay(containing: $0) }
        let schedule = ScoringSchedule.assign(barDays: days, windows: ordered.map(\.range), horizon: config.horizon, evalDays: evalDays)
        var scoring = config
        scoring.labelLookahead = true
        var out: [PredictionRow] = []
        for (model, scored) in zip(ordered, schedule) where !scored.isEmpty {
            let range = DayRange(days[scored.lowerBound], days[scored.upperBound - 1])
            let rows = try PreparedWindow.prepare(symbol: symbol, window: range, allBars: bars, config: scoring, keepingUnlabelled: true)
            let booster = try Booster(modelFile: model.modelFile, library: library)
            let probabilities = try booster.predict(rows.features, parameters: try LightGBMParameters(["num_threads": "1"]))
            for (k, t) in rows.rowBars.enumerated() {
                let label = rows.labels[k]
                let timestamp = rows.bars.timestamps[t], day = CalendarDay(containing: timestamp)
                out.append(PredictionRow(
                    date: day, time: config.interval.isIntraday ? IST.format(timestamp) : day.description,
                    symbol: symbol, windowLabel: model.label,
                    probability: probabilities[k], label: label.isFinite ? label : nil,
                    forwardReturn: rows.forwardReturns[k].isFinite ? rows.forwardReturns[k] : nil))
            }
        }
        return out
    }
}
