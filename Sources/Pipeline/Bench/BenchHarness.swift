import Foundation
import MarketData

/// A small, honest benchmark harness: warm-up runs, then timed runs; reports median and spread.
public struct Measurement: Sendable {
    var name: String
    var command: String
    /// Seconds per run.
    var samples: [Double]
    /// Work items per run (windows, symbols...), for per-item figures.
    var itemsPerRun: Int
    var itemName: String
    var peakRSSBytes: Int?

    var sorted: [Double] { samples.sorted() }
    var median: Double { samples.medianValue }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }
    var perItem: Double { median / Double(Swift.max(1, itemsPerRun)) }
}

enum BenchHarness {
    /// Runs `body` `warmup` times untimed, then `runs` times timed.
    static func measure(_ name: String, command: String, runs: Int, warmup: Int = 1, items: Int = 1, itemName: String = "run",
                        _ body: () async throws -> Void) async rethrows -> Measurement {
        for _ in 0..<warmup { try await body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let t = ContinuousClock.now
            try await body()
            samples.append((ContinuousClock.now - t).inSeconds)
        }
        return Measurement(name: name, command: command, samples: samples, itemsPerRun: items, itemName: itemName, peakRSSBytes: nil)
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

extension [Double] {
    /// The median, NaN when empty.
    var medianValue: Double {
        guard !isEmpty else { return .nan }
        let s = sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
