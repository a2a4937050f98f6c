import ArgumentParser
import Foundation
import MarketData
import Pipeline

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the pipeline on this machine and write docs/benchmarks.md (run through `make bench`).",
        discussion: "Each figure: warm-up runs, then timed runs; median with min..max. Use a release build.")

    @Option(name: .long, help: "Markdown file to rewrite with the results.")
    var output: String?

    @Option(name: .long, help: "Timed runs for the slower scenarios (batch, fetch, cache load).")
    var runs = 5

    @Option(name: .long, help: "Scratch directory (removed afterwards).")
    var scratch: String?

    @Option(name: .long, help: "The script timing Python's lightgbm.train on the heavy window; 'none' skips Python.")
    var pythonScript = "scripts/bench_lightgbm_python.py"

    @Option(name: .long, help: "Python interpreter for --python-script (found on PATH).")
    var python = "python3"

    @Flag(name: .long, help: "Only the heavy 5-minute window (whole, floor, Python); prints its Markdown section instead of --output.")
    var heavyWindowOnly = false

    func validate() throws {
        if heavyWindowOnly && output != nil {
            throw ValidationError("--heavy-window-only measures part of the suite; it prints its section and writes no --output")
        }
    }

    func run() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let script = pythonScript == "none" ? nil : URL(fileURLWithPath: pythonScript)
        let results = try await BenchSuite.run(scratch: URL(fileURLWithPath: scratch ?? NSTemporaryDirectory()), runs: runs,
                                               executable: executable, python: python, pythonScript: script,
                                               heavyWindowOnly: heavyWindowOnly) { print(BenchReport.line($0)) }
        if heavyWindowOnly { print(BenchReport.heavyWindowSection(results)) }
        if let output {
            try AtomicFile.write(BenchReport.markdown(results, runs: runs), to: URL(fileURLWithPath: output))
            print("wrote \(output)")
        }
    }
}
