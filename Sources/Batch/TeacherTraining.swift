import Foundation
import MarketData
import Teacher

/// The real trainer behind the batch runner: the teacher, one window at a time.
public struct TeacherTraining: WindowTraining {
    public let trainer: WindowTrainer
    public let config: TeacherConfig

    public init(trainer: WindowTrainer, config: TeacherConfig) {
        self.trainer = trainer
        self.config = config
    }

    public func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        let result = try trainer.train(symbol: window.symbol, window: window.range, bars: bars, config: config, outputDir: directory)
        return WindowTrainingResult(metricsJSON: result.metricsJSON, sampleCountsJSON: result.sampleCountsJSON)
    }
}
