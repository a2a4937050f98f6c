import Foundation

/// `make bench`: every scenario in order, each reported as it is measured.
public enum BenchSuite {
    /// `executable` is the `sensequant` binary the batch scenario runs as a whole process.
    public static func run(scratch: URL, runs: Int, executable: String,
                           onResult: (Measurement) -> Void) async throws -> [Measurement] {
        let dir = scratch.appendingPathComponent("sensequant-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenarios = try BenchScenarios(dir: dir, runs: runs, executable: executable)
        // Flush what earlier runs (and making the market) left to write back, so it does not land in a timing.
        sync()
        var results: [Measurement] = []
        func record(_ m: Measurement) {
            onResult(m)
            results.append(m)
        }
        record(try await scenarios.cacheLoad())
        record(try await scenarios.features())
        record(try await scenarios.oneWindow())
        for workers in [1, 2] { record(try scenarios.batch(workers: workers)) }
        let fiveMinute = try scenarios.writeIntradayCache()
        for workers in [1, 2] { record(try scenarios.intradayBatch(workers: workers, cache: fiveMinute)) }
        for m in try await scenarios.outOfSample() { record(m) }
        record(try await scenarios.fetch())
        return results
    }
}
