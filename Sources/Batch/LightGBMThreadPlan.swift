import Foundation
import MarketData

/// How many threads LightGBM uses inside each window of a batch (`num_threads`). Planned once,
/// when the batch is created, and recorded with its parameters (`lightgbmThreads`): a resume
/// reuses the recording, so `--workers` never changes what a window is trained with.
///
/// Windows train concurrently on the workers' threads; LightGBM's own (OpenMP) threads only pay
/// when a window is large and there are fewer windows at a time than cores. Workers x threads
/// stays within the cores: OpenMP threads that wait for a busy core slow training many times over.
/// A large window also leaves one of its cores to its `labels.csv.gz`, which the trainer makes
/// while LightGBM trains: on 2 cores, 1 LightGBM thread beside it made the heavy window faster
/// than 2 threads followed by it (docs/benchmarks.md).
public enum LightGBMThreadPlan {
    /// Below this many rows per window, LightGBM's thread start-up and synchronisation per
    /// iteration cost more than a second thread saves (a daily window is ~125 rows, a 5-minute
    /// 180-day window ~9,000).
    public static let largeWindowRows = 2_000

    /// - Parameters:
    ///   - windows: windows the batch will train.
    ///   - rowsPerWindow: the expected rows of one window (`expectedRows`).
    public static func threads(cores: Int, workers: Int, windows: Int, rowsPerWindow: Int) -> Int {
        guard rowsPerWindow >= largeWindowRows, windows > 0 else { return 1 }
        let concurrent = max(1, min(workers, windows))
        return max(1, cores / concurrent - 1)
    }

    /// Rows of a `windowDays`-day window at `interval`: about 5 trading days in 7.
    public static func expectedRows(windowDays: Int, interval: Interval) -> Int {
        max(0, windowDays) * 5 / 7 * interval.barsPerTradingDay
    }

    /// The plan for a new batch of `symbols` symbols with `parameters`, on this machine's cores.
    public static func threads(for parameters: BatchParameters, symbols: Int, workers: Int,
                               cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        let perSymbol = WindowPlanner.windows(start: parameters.startDate, end: parameters.endDate,
                                              windowDays: parameters.windowDays, stepDays: parameters.stepDays).count
        return threads(cores: cores, workers: workers, windows: symbols * perSymbol,
                       rowsPerWindow: expectedRows(windowDays: parameters.windowDays, interval: parameters.interval))
    }
}
