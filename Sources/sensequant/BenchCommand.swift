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

    func run() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let results = try await BenchSuite.run(scratch: URL(fileURLWithPath: scratch ?? NSTemporaryDirectory()), runs: runs,
                                               executable: executable) { print(BenchReport.line($0)) }
        if let output {
            try AtomicFile.write(BenchReport.markdown(results, runs: runs), to: URL(fileURLWithPath: output))
            print("wrote \(output)")
        }
    }
}
