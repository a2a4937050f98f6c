import Batch
import Foundation
import MarketData
import Teacher

/// `sensequant train-window`: one window of one symbol from the bar cache, with its artifacts.
public enum TrainWindowFlow {
    /// Trains `window` of `symbol` into `outputDir/<label>`; returns the result and the time it took.
    public static func run(symbol: String, window: DayRange, config: TeacherConfig, root: DataRoot,
                           outputDir: URL) throws -> (result: WindowResult, elapsed: Duration) {
        let symbol = try Symbol.validate(symbol)
        // Outside the calendar no fetch can help: say so instead of "No data ... fetch".
        let calendar = try TradingCalendar.nse()
        guard try !calendar.tradingDays(in: window).isEmpty else {
            throw RequestError.usage("--start \(window.first) --end \(window.last) holds no NSE trading days", fix: "pass a window that includes trading days")
        }
        let bars = try root.cache.load(symbol: symbol, interval: config.interval, range: config.barsNeeded(for: window, calendar: calendar))
        if let partial = PartialDayCheck.failure(PlannedWindow(symbol: symbol, range: window), bars: bars, teacher: config, calendar: calendar) {
            throw partial
        }
        let trainer = try WindowTrainer()
        let directory = outputDir.appendingPathComponent(WindowLabel.make(symbol: symbol, window: window))
        let clock = ContinuousClock()
        var result: WindowResult?
        let elapsed = try clock.measure {
            result = try trainer.train(symbol: symbol, window: window, bars: bars, config: config, outputDir: directory)
        }
        return (result!, elapsed)
    }
}
