import Foundation
import MarketData
import Teacher

/// The real trainer behind the batch runner: the teacher, one window at a time.
public struct TeacherTraining: WindowTraining {
    public let trainer: WindowTrainer
    public let config: TeacherConfig
    public let calendar: TradingCalendar

    public init(trainer: WindowTrainer, config: TeacherConfig, calendar: TradingCalendar) {
        self.trainer = trainer
        self.config = config
        self.calendar = calendar
    }

    public func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        if let partial = PartialDayCheck.failure(window, bars: bars, teacher: config, calendar: calendar) { throw partial }
        let result = try trainer.train(symbol: window.symbol, window: window.range, bars: bars, config: config, outputDir: directory)
        return WindowTrainingResult(metricsJSON: result.metricsJSON, sampleCountsJSON: result.sampleCountsJSON)
    }
}
