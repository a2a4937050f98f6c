import Foundation
import MarketData

/// A small, honest benchmark harness: warm-up runs, then timed runs; reports median and spread.
struct Measurement {
    var name: String
    var command: String
    /// Seconds per run.
    var samples: [Double]
    /// Work items per run (windows, symbols...), for per-item figures.
    var itemsPerRun: Int
    var itemName: String
    var peakRSSBytes: Int?

    var sorted: [Double] { samples.sorted() }
    var median: Double {
        let s = sorted
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
    var min: Double { sorted.first ?? 0 }
    var max: Double { sorted.last ?? 0 }
    var perItem: Double { median / Double(Swift.max(1, itemsPerRun)) }
}

enum BenchHarness {
    /// Runs `body` `warmup` times untimed, then `runs` times timed.
    static func measure(_ name: String, command: String, runs: Int, warmup: Int = 1, items: Int = 1, itemName: String = "run",
                        _ body: () throws -> Void) rethrows -> Measurement {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        for _ in 0..<runs {
            let t = ContinuousClock.now
            try body()
            samples.append((ContinuousClock.now - t).inSeconds)
        }
        return Measurement(name: name, command: command, samples: samples, itemsPerRun: items, itemName: itemName, peakRSSBytes: nil)
    }

    /// Runs a program to completion; returns its wall time, exit status and peak resident memory.
    static func spawn(_ executable: String, _ args: [String]) throws -> (seconds: Double, status: Int32, peakRSSBytes: Int) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw CLIFailure("cannot start \(executable): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = (ContinuousClock.now - start).inSeconds
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (elapsed, exitStatus, usage.ru_maxrss * 1024)
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
