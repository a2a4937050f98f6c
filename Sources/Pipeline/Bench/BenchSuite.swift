import Foundation

/// `make bench`: every scenario in order, each reported as it is measured.
public enum BenchSuite {
    /// What one run of the suite measured.
    public struct Results {
        public var measurements: [Measurement] = []
        /// The heavy window, once per LightGBM thread count.
        var heavyWindow: [HeavyWindowComparison] = []
    }

    /// - Parameters:
    ///   - executable: the `sensequant` binary the batch scenario runs as a whole process.
    ///   - pythonScript: `scripts/bench_lightgbm_python.py`, run with `python` (nil: Python is not measured).
    ///   - heavyWindowOnly: only the 5-minute heavy window (its three timings per thread count).
    public static func run(scratch: URL, runs: Int, executable: String, python: String = "python3", pythonScript: URL?,
                           heavyWindowOnly: Bool = false, onResult: (Measurement) -> Void) async throws -> Results {
        let dir = scratch.appendingPathComponent("sensequant-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var results = Results()
        func record(_ m: Measurement) {
            onResult(m)
            results.measurements.append(m)
        }
        if !heavyWindowOnly {
            let scenarios = try BenchScenarios(dir: dir, runs: runs, executable: executable)
            // Flush what earlier runs (and making the market) left to write back, so it does not land in a timing.
            sync()
            record(try await scenarios.syntheticMarket())
            record(try await scenarios.cacheLoad())
            record(try await scenarios.features())
            record(try await scenarios.oneWindow())
            for workers in [1, 2] { record(try scenarios.batch(workers: workers)) }
            let fiveMinute = try scenarios.writeIntradayCache()
            for workers in [1, 2] { record(try scenarios.intradayBatch(workers: workers, cache: fiveMinute)) }
            for m in try await scenarios.outOfSample() { record(m) }
            record(try await scenarios.fetch())
        }
        let heavy = try HeavyWindowBench(dir: dir, runs: max(runs, HeavyWindowBench.minimumRounds),
                                         python: pythonScript.map { PythonLightGBMBench(interpreter: python, script: $0) })
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for threads in Set([1, cores]).sorted() {
            let comparison = try heavy.compare(threads: threads)
            comparison.measurements.forEach(record)
            results.heavyWindow.append(comparison)
        }
        return results
    }
}
