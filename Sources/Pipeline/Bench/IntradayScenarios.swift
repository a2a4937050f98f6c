import Foundation
import MarketData
import SystemIO

/// The seed scenario at 5-minute bars: the same 96 symbols and two 180-day windows of 2024,
/// each window about 9,000 rows. One timed run per worker count (a run takes tens of seconds).
extension BenchScenarios {
    static let intradayRange = DayRange(CalendarDay("2023-12-01")!, CalendarDay("2025-01-10")!)

    func writeIntradayCache() throws -> BarCache {
        let cache = BarCache(root: dir.appendingPathComponent("market-5minute/historical"))
        try market.writeCache(to: cache, symbols: seedSymbols, range: Self.intradayRange, interval: .fiveMinute)
        return cache
    }

    func intradayBatch(workers: Int, cache: BarCache) throws -> Measurement {
        let file = dir.appendingPathComponent("symbols96.txt")
        try AtomicFile.write(seedSymbols.joined(separator: "\n") + "\n", to: file)
        let root = dir.appendingPathComponent("batch-5minute-\(workers)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("historical"), withDestinationURL: cache.root)
        defer { try? FileManager.default.removeItem(at: root) }
        let arguments = ["train", "--symbols-file", file.path, "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                         "--interval", "5minute", "--workers", "\(workers)", "--no-evaluate", "--data-dir", root.path]
        let r = try ChildProcess.run(executable, arguments)
        guard r.status == 0 else { throw BenchFailure("bench 5-minute batch exited \(r.status)") }
        return Measurement(name: "batch at 5-minute bars: 192 windows (~9,000 rows each), --workers \(workers), whole process, 1 run",
                           command: "sensequant train --symbols-file symbols96.txt --start-date 2024-01-01 --end-date 2024-12-26 --interval 5minute --workers \(workers) --no-evaluate",
                           samples: [r.seconds], itemsPerRun: 192, itemName: "window", peakRSSBytes: r.peakRSSBytes)
    }
}
