import Batch
import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import SyntheticMarket

/// The whole pipeline offline: an in-process Breeze sandbox serving a synthetic market in which
/// the seed report's 8 symbols have no 2024 bars, a fetch through the real client, a coverage
/// audit, a batch over 2024 evaluated out of sample, a backtest with Indian costs, and the
/// reports. Uses its own data root; a rerun reuses the cache.
public struct DemoFlow: Sendable {
    public static let missingIn2024 = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]
    public static let fetchRange = DayRange(CalendarDay("2023-06-01")!, CalendarDay("2025-01-31")!)
    public static let trainRange = DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-26")!)

    /// With intraday bars, the demo's default universe: ten symbols (two of them planted
    /// missing), so the whole run stays around a minute.
    public static let intradayUniverse = ["RELIANCE", "TCS", "HDFCBANK", "INFY", "ICICIBANK", "ITC", "LT", "AXISBANK", "SBIN", "WIPRO"]
    /// Intraday warm-up and look-ahead are a few sessions, so the fetch starts closer to 2024.
    public static let intradayFetchRange = DayRange(CalendarDay("2023-12-01")!, CalendarDay("2025-01-31")!)

    public var root: DataRoot
    /// Empty: all of NIFTY 100 (daily) or `intradayUniverse`.
    public var symbols: [String] = []
    public var interval: Interval = .oneDay
    public var workers: Int
    public var seed: UInt64 = 42

    public init(root: DataRoot, workers: Int) {
        self.root = root
        self.workers = workers
    }

    public struct Outcome: Sendable {
        public var batch: BatchRecord
        public var status: BatchStatus
        public var reportURL: URL
        public var cachedDays: Int
    }

    public func run(output out: FlowOutput, cancellation: CancellationFlag = CancellationFlag()) async throws -> Outcome {
        let started = Date()
        let universe = !symbols.isEmpty ? try symbols.map(Symbol.validate)
            : interval.isIntraday ? Self.intradayUniverse : try Universe.named("nifty100").symbols
        let fetchRange = interval.isIntraday ? Self.intradayFetchRange : Self.fetchRange
        let planted = Self.missingIn2024.filter(universe.contains)
        let mappings = try SymbolMappings.bundled()

        step(1, "Breeze sandbox", out)
        let gaps = planted.map { SyntheticGap(symbol: $0, range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-31")!)) }
        let config = SandboxConfiguration(bars: .synthetic(try SyntheticMarket(seed: seed, gaps: gaps)), mappings: mappings)
        let server = try await SandboxServer.start(config)
        out.say("  serving a synthetic NIFTY 100 (seed \(seed), daily and intraday bars) at \(server.baseURL)")
        if !planted.isEmpty { out.say("  planted: no 2024 bars for \(planted.joined(separator: ", "))") }
        let report: FetchReport
        do {
            step(2, "fetch \(universe.count) symbols, \(interval == .oneDay ? "daily" : interval.rawValue) bars, \(fetchRange), through the Breeze client", out)
            report = try await fetch(universe, range: fetchRange, from: server, config: config, mappings: mappings)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        out.say("  " + FetchReportText.summary(report).replacingOccurrences(of: "\n", with: "\n  "))
        let cachedDays = report.symbols.reduce(0) { $0 + $1.cached }
        if cachedDays > 0 { out.say("  \(cachedDays) symbol-days were already in the cache (reused)") }
        guard report.succeeded else {
            throw RequestError.input("the demo fetch did not complete", fix: "see the fetch summary above; rerun the demo to resume it")
        }

        step(3, "coverage of \(Self.trainRange)", out)
        let coverage = try Coverage.audit(cache: root.cache, symbols: universe, interval: interval,
                                          range: Self.trainRange, calendar: try TradingCalendar.nse())
        let gapped = coverage.filter { !$0.isComplete }
        out.say("  \(coverage.count - gapped.count) of \(coverage.count) symbols complete")
        for c in gapped { out.say("  \(c.symbol): " + c.missing.map(\.description).joined(separator: "; ")) }

        step(4, "train \(Self.trainRange), 180-day windows, then evaluate out of sample", out)
        let parameters = BatchParameters(startDate: Self.trainRange.first, endDate: Self.trainRange.last, interval: interval)
        let universeName = symbols.isEmpty && !interval.isIntraday ? "nifty100" : nil
        var request = TrainRequest(root: root, target: .new(symbols: universe, universe: universeName,
                                                            parameters: parameters), workers: workers)
        request.evaluation = { [root] in EvaluateFlow(root: root, batchId: $0) }
        let flow = try TrainFlow.start(request)
        let status = try await flow.run(output: out, cancellation: cancellation)

        step(5, "backtest the out-of-sample signals with Indian costs", out)
        let backtest = try? await BacktestFlow(root: root, batchId: flow.session.batch.id).run(output: out)
        if backtest == nil { out.say("  no backtest: the batch has no out-of-sample predictions") }

        step(6, "summary", out)
        let b = flow.session.batch
        let reportURL = flow.session.batchDir.appendingPathComponent("report.html")
        out.say("  batch \(b.id): \(b.status.rawValue); \(b.succeeded) windows trained, \(b.skipped) skipped, \(b.failed) failed")
        out.say("  report: \(reportURL.path)")
        if let backtest { out.say("  backtest: \(backtest.directory.appendingPathComponent("backtest.html").path)") }
        let reuse = cachedDays > 0 ? "the fetch reused the cache" : "rerun it to see the fetch reuse the cache"
        out.say(String(format: "  demo finished in %.1f s; %@", Date().timeIntervalSince(started), reuse))
        return Outcome(batch: b, status: status, reportURL: reportURL, cachedDays: cachedDays)
    }

    private func fetch(_ universe: [String], range: DayRange, from server: SandboxServer, config: SandboxConfiguration,
                       mappings: SymbolMappings) async throws -> FetchReport {
        let client = BreezeClient(credentials: SandboxServer.credentials(config), endpoints: .sandbox(server.baseURL),
                                  requestTimeout: .seconds(30))
        let fetcher = Fetcher(provider: BreezeProvider(client: client, isSandbox: true), cache: root.cache,
                              calendar: try TradingCalendar.nse(), mappings: mappings, limits: .sandbox,
                              usageFile: root.state.appendingPathComponent("sandbox_usage.json"))
        return try await fetcher.fetch(symbols: universe, range: range, interval: interval)
    }

    private func step(_ n: Int, _ title: String, _ out: FlowOutput) {
        out.say("\n[\(n)/6] \(title)", event: "step")
    }
}
