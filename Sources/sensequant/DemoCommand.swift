import ArgumentParser
import Batch
import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import SyntheticMarket
import Teacher

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
        """)

    static let missingIn2024 = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]

    @Option(name: .long, help: "The demo's own data root (never your real cache).")
    var dataDir = "data/demo"

    @Option(name: .long, parsing: .upToNextOption, help: "A smaller universe (default: all of NIFTY 100).")
    var symbols: [String] = []

    @Option(name: .long, help: "Windows trained at once (default: the number of cores).")
    var workers: Int?

    @Option(name: .long, help: "Seed of the synthetic market.")
    var seed: UInt64 = 42

    func run() async throws {
        let started = Date()
        let root = DataRoot(path: dataDir)
        let universe: [String]
        do {
            universe = symbols.isEmpty ? try Universe.named("nifty100").symbols : try symbols.map(Symbol.validate)
        } catch {
            throw failCleanly(error)
        }
        let fetchRange = DayRange(CalendarDay("2023-06-01")!, CalendarDay("2025-01-31")!)
        let trainStart = CalendarDay("2024-01-01")!, trainEnd = CalendarDay("2024-12-26")!
        let planted = Self.missingIn2024.filter(universe.contains)

        step(1, "Breeze sandbox")
        let mappings = try SymbolMappings.bundled()
        let gaps = planted.map { SyntheticGap(symbol: $0, range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-31")!)) }
        let config = SandboxConfiguration(bars: .synthetic(try SyntheticMarket(seed: seed, gaps: gaps)), mappings: mappings)
        let server = try await SandboxServer.start(config)
        print("  serving a synthetic NIFTY 100 (seed \(seed)) at \(server.baseURL)")
        if !planted.isEmpty { print("  planted: no 2024 bars for \(planted.joined(separator: ", "))") }

        let report: FetchReport
        do {
            step(2, "fetch \(universe.count) symbols, daily, \(fetchRange), through the Breeze client")
            let client = BreezeClient(credentials: SandboxServer.credentials(config), endpoints: .sandbox(server.baseURL),
                                      requestTimeout: .seconds(30))
            let fetcher = Fetcher(provider: BreezeProvider(client: client, isSandbox: true), cache: root.cache,
                                  calendar: try TradingCalendar.nse(), mappings: mappings, limits: .sandbox,
                                  usageFile: root.state.appendingPathComponent("sandbox_usage.json"))
            report = try await fetcher.fetch(symbols: universe, range: fetchRange, interval: .oneDay)
        } catch {
            await server.stop()
            throw failCleanly(error)
        }
        await server.stop()
        print("  " + FetchReportText.summary(report).replacingOccurrences(of: "\n", with: "\n  "))
        let cachedDays = report.symbols.reduce(0) { $0 + $1.cached }
        if cachedDays > 0 { print("  \(cachedDays) symbol-days were already in the cache (reused)") }
        guard report.succeeded else {
            print("error: the demo fetch did not complete")
            throw ExitCode(1)
        }

        step(3, "coverage of \(trainStart)..\(trainEnd)")
        let coverage = try Coverage.audit(cache: root.cache, symbols: universe, interval: .oneDay,
                                          range: DayRange(trainStart, trainEnd), calendar: try TradingCalendar.nse())
        let gapped = coverage.filter { !$0.isComplete }
        print("  \(coverage.count - gapped.count) of \(coverage.count) symbols complete")
        for c in gapped { print("  \(c.symbol): " + c.missing.map(\.description).joined(separator: "; ")) }

        step(4, "train \(trainStart)..\(trainEnd), 180-day windows")
        let ledger = try Ledger(root: root)
        let session = try BatchSession.create(
            root: root, ledger: ledger, calendar: try TradingCalendar.nse(), mappings: mappings,
            symbols: universe, universe: symbols.isEmpty ? "nifty100" : nil,
            parameters: BatchParameters(startDate: trainStart, endDate: trainEnd), workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
        let console = BatchConsole(format: .text, logURL: session.batchDir.appendingPathComponent("train.log"))
        try session.setLogPath(session.batchDir.appendingPathComponent("train.log").path)
        let status = try await BatchDriver(session: session, trainer: try WindowTrainer(), out: console, workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                                     preflight: true, strictPreflight: false, faults: [], backoff: Backoff(), started: Date()).run()

        step(5, "summary")
        let b = session.batch
        print("  batch \(b.id): \(b.status.rawValue); \(b.succeeded) windows trained, \(b.skipped) skipped, \(b.failed) failed")
        print("  report: \(session.batchDir.appendingPathComponent("report.html").path)")
        let reuse = cachedDays > 0 ? "the fetch reused the cache" : "rerun it to see the fetch reuse the cache"
        print(String(format: "  demo finished in %.1f s; %@", Date().timeIntervalSince(started), reuse))
        throw ExitCode(StatusPolicy.exitCode(for: status))
    }

    private func step(_ n: Int, _ title: String) {
        print("\n[\(n)/5] \(title)")
        fflush(stdout)
    }
}
