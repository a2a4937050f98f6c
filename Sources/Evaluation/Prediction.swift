import Foundation
import LightGBM
import MarketData
import Teacher

/// Today's signal of one symbol: its model's probability on the bars up to one day.
public struct Prediction: Sendable, Equatable, Codable {
    public var symbol: String
    public var probability: Double
    /// The window whose model gave it.
    public var windowLabel: String
    /// Whether that model passed the promotion gate of the batch's evaluation.
    public var promoted: Bool
    /// The day of the bar the features were computed on.
    public var barDate: CalendarDay

    public init(symbol: String, probability: Double, windowLabel: String, promoted: Bool, barDate: CalendarDay) {
        self.symbol = symbol
        self.probability = probability
        self.windowLabel = windowLabel
        self.promoted = promoted
        self.barDate = barDate
    }

    enum CodingKeys: String, CodingKey {
        case symbol, probability, promoted
        case windowLabel = "window_label"
        case barDate = "bar_date"
    }
}

public enum Predictor {
    /// The probability `model` gives for the last bar of `day` (its only bar, for daily bars),
    /// with features prepared as in training (warm-up included); nil when `day` has no bar or
    /// that bar's features are not all defined.
    public static func probability(symbol: String, day: CalendarDay, bars: BarSeries, model: URL, config: TeacherConfig,
                                   library: LightGBMLibrary) throws -> Double? {
        guard let first = bars.firstDay, first <= day else { return nil }
        // Nothing after `day` is visible to the features.
        let row = try PreparedWindow.prepare(symbol: symbol, window: DayRange(day, day), allBars: bars.slice(DayRange(first, day)),
                                             config: config, keepingUnlabelled: true)
        guard let last = row.rowBars.last, last == row.bars.count - 1 else { return nil }
        let booster = try Booster(modelFile: model, library: library)
        return try booster.predict(row.features, parameters: try LightGBMParameters(["num_threads": "1"])).last
    }

    /// The newest of `models` that could have been trained by `asOf`: its labels' last bar
    /// (`horizon` bars after the window, on the trading day holding it) is on or before it.
    public static func newestModel(_ models: [WindowModel], asOf: CalendarDay, config: TeacherConfig, calendar: TradingCalendar) -> WindowModel? {
        let days = config.tradingDays(holding: config.horizon)
        return models.filter { calendar.tradingDay(days, after: $0.range.last) <= asOf }.max { $0.range.last < $1.range.last }
    }
}
