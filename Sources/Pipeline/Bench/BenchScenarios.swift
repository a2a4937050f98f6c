import Breeze
import BreezeSandbox
import Foundation
import Ingest
import MarketData
import SyntheticMarket
import SystemIO
import Teacher

/// The measured scenarios, each on synthetic data made here (never a user's cache).
struct BenchScenarios {
    let executable: String
    let dir: URL
    let runs: Int
    let universe: [String]
    let market: SyntheticMarket
    let threeYears = DayRange(CalendarDay("2022-01-01")!, CalendarDay("2024-12-31")!)
    let cache: BarCache
    let seedMissing = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]

    init(dir: URL, runs: Int, executable: String) throws {
        self.executable = executable
        self.dir = dir
        self.runs = runs
        universe = try Universe.named("nifty100").symbols
        market = try SyntheticMarket(seed: 42, gaps: seedMissing.map { SyntheticGap(symbol: $0, range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-31")!)) })
        cache = BarCache(root: dir.appendingPathComponent("market/historical"))
        try market.writeCache(to: cache, symbols: universe, range: threeYears)
    }

    /// The seed report's 96: NIFTY 100 less four symbols that are not among the missing 8.
    var seedSymbols: [String] {
        let dropped = Set(universe.sorted().filter { !seedMissing.contains($0) }.suffix(4))
        return universe.sorted().filter { !dropped.contains($0) }
    }

    func cacheLoad() async throws -> Measurement {
        try await BenchHarness.measure("cache load: 3 years x 100 symbols, daily (one thread)",
                                 command: "BarCache.load for each NIFTY 100 symbol, 2022-01-01..2024-12-31",
                                 runs: runs, items: universe.count, itemName: "symbol") {
            var bars = 0
            for s in universe { bars += try cache.load(symbol: s, interval: .oneDay, range: threeYears).count }
            precondition(bars > 60_000)
        }
    }

    /// Daily bars still walk every session minute by minute (`SessionPath`), so making them
    /// costs what 1-minute bars do.
    func syntheticMarket() async throws -> Measurement {
        await BenchHarness.measure("synthetic market: 3 years x 100 symbols, daily bars (each day walked minute by minute)",
                                       command: "SyntheticMarket(seed: 42).bars for each NIFTY 100 symbol, 2022-01-01..2024-12-31, 1day",
                                       runs: runs, items: universe.count, itemName: "symbol") {
            var bars = 0
            for s in universe { bars += market.bars(symbol: s, interval: .oneDay, range: threeYears).count }
            precondition(bars > 60_000)
        }
    }

    var sampleWindow: DayRange { DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-06-29")!) }

    func features() async throws -> Measurement {
        let bars = try cache.load(symbol: "RELIANCE", interval: .oneDay, range: threeYears)
        let prepared = try PreparedWindow.prepare(symbol: "RELIANCE", window: sampleWindow, allBars: bars, config: TeacherConfig())
        let repeats = 1000
        var m = await BenchHarness.measure("features: 15 indicators for one 180-day window (with warm-up)",
                                         command: "FeatureSet.columns on RELIANCE 2024-01-01..2024-06-29 + 100 warm-up bars",
                                         runs: runs, items: repeats, itemName: "window") {
            for _ in 0..<repeats { precondition(FeatureSet.columns(prepared.bars).count == 15) }
        }
        m.itemName = "window"
        return m
    }

    func oneWindow() async throws -> Measurement {
        let bars = try cache.load(symbol: "RELIANCE", interval: .oneDay, range: threeYears)
        let trainer = try WindowTrainer()
        let out = dir.appendingPathComponent("one-window")
        let repeats = 20
        return try await BenchHarness.measure("one window: features + labels + LightGBM training + artifacts",
                                        command: "WindowTrainer.train RELIANCE 2024-01-01..2024-06-29, default parameters",
                                        runs: runs, items: repeats, itemName: "window") {
            for _ in 0..<repeats {
                _ = try trainer.train(symbol: "RELIANCE", window: sampleWindow, bars: bars, config: TeacherConfig(), outputDir: out)
            }
        }
    }

    /// The seed report's batch: 96 symbols, 192 windows, 8 symbols without 2024 data.
    func batch(workers: Int) throws -> Measurement {
        let symbols = seedSymbols
        let file = dir.appendingPathComponent("symbols96.txt")
        try AtomicFile.write(symbols.joined(separator: "\n") + "\n", to: file)
        var samples: [Double] = []
        var peak = 0
        for k in 0..<(runs + 1) {
            let root = dir.appendingPathComponent("batch-\(workers)-\(k)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("historical"), withDestinationURL: cache.root)
            let r = try ChildProcess.run(executable, ["train", "--symbols-file", file.path, "--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                                 "--workers", "\(workers)", "--no-evaluate", "--data-dir", root.path])
            guard r.status == 0 else { throw BenchFailure("bench batch run exited \(r.status)") }
            if k > 0 { samples.append(r.seconds) }   // the first run is the warm-up
            peak = max(peak, r.peakRSSBytes)
            try? FileManager.default.removeItem(at: root)
        }
        return Measurement(name: "batch: 192 windows (176 trained, 16 skipped), --workers \(workers), whole process",
                           command: "sensequant train --symbols-file symbols96.txt --start-date 2024-01-01 --end-date 2024-12-26 --workers \(workers) --no-evaluate",
                           samples: samples, itemsPerRun: 192, itemName: "window", peakRSSBytes: peak)
    }

    /// 100 symbols x 3 years of daily bars from the in-process sandbox, through the real client.
    func fetch() async throws -> Measurement {
        let config = SandboxConfiguration(bars: .synthetic(try SyntheticMarket(seed: 42)), mappings: try SymbolMappings.bundled())
        let server = try await SandboxServer.start(config)
        var samples: [Double] = []
        do {
            for k in 0..<(runs + 1) {
                let cache = BarCache(root: dir.appendingPathComponent("fetch-\(k)/historical"))
                let client = BreezeClient(credentials: SandboxServer.credentials(config), endpoints: .sandbox(server.baseURL),
                                          requestTimeout: .seconds(30))
                let fetcher = Fetcher(provider: BreezeProvider(client: client, isSandbox: true), cache: cache,
                                      calendar: try TradingCalendar.nse(), mappings: try SymbolMappings.bundled(), limits: .sandbox)
                let t = ContinuousClock.now
                let report = try await fetcher.fetch(symbols: universe, range: threeYears, interval: .oneDay)
                let elapsed = (ContinuousClock.now - t).inSeconds
                guard report.succeeded else { throw BenchFailure("bench fetch failed: \(FetchReportText.summary(report))") }
                if k > 0 { samples.append(elapsed) }
            }
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
        return Measurement(name: "fetch: 100 symbols x 3 years daily from the sandbox, no rate limit",
                           command: "Fetcher.fetch(nifty100, 2022-01-01..2024-12-31) via BreezeClient -> in-process sandbox on 127.0.0.1",
                           samples: samples, itemsPerRun: universe.count, itemName: "symbol", peakRSSBytes: nil)
    }
}
