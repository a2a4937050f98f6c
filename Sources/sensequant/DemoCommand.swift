import ArgumentParser
import Batch
import Foundation
import MarketData
import Pipeline

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline offline on an embedded synthetic market: sandbox, fetch, coverage, train, report.",
        discussion: """
        Starts the Breeze sandbox in-process on a free 127.0.0.1 port, serving a synthetic NIFTY 100
        in which the seed report's 8 symbols (NESTLEIND NTPC ONGC POWERGRID SBIN SUNPHARMA
        TATAMOTORS WIPRO) have no 2024 data; fetches 2023-06-01..2025-01-31 daily bars through the
        real Breeze client; audits coverage; trains 2024-01-01..2024-12-26 with 180-day windows;
        writes the report. Uses its own data directory; a second run reuses the fetched bars.
        With --interval 5minute (or 30minute, 1minute) the same pipeline runs on intraday bars,
        on ten symbols unless --symbols says otherwise.
        """)

    @Option(name: .long, help: "The demo's own data root (never your real cache).")
    var dataDir = "data/demo"

    @Option(name: .long, parsing: .upToNextOption, help: "A smaller universe (default: all of NIFTY 100).")
    var symbols: [String] = []

    @Option(name: .long, help: "Windows trained at once (default: the number of cores).")
    var workers: Int?

    @Option(name: .long, help: "Seed of the synthetic market.")
    var seed: UInt64 = 42

    @Option(name: .long, help: "Bar interval: 1day (default) or 30minute/5minute/1minute (then 10 symbols by default).")
    var interval: Interval = .oneDay

    func run() async throws {
        var demo = DemoFlow(root: DataRoot(path: dataDir), workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        demo.symbols = symbols
        demo.seed = seed
        demo.interval = interval
        let console = BatchConsole(format: .text)
        let outcome: DemoFlow.Outcome
        do {
            outcome = try await withSignalTrap(console) { try await demo.run(output: console, cancellation: $0) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw failCleanly(error)
        }
        throw ExitCode(StatusPolicy.exitCode(for: outcome.status))
    }
}
