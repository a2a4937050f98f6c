import ArgumentParser
import Foundation
import MarketData
import SyntheticMarket

struct SynthesizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Write a deterministic synthetic market straight into a cache (for tests, benchmarks and drills).",
        discussion: """
        The bars are marked `synthetic` in the cache manifest, and the cache refuses to mix them with real (fetched or imported) data. Use a separate --data-dir.

        Example: sensequant synthesize --universe nifty100 --start-date 2023-06-01 --end-date 2025-01-31 \\
                 --gap SBIN:2024-01-01..2024-12-31 --data-dir /tmp/synthetic
        """)

    @OptionGroup var selection: SymbolSelection
    @OptionGroup var dates: DateRangeOptions

    @Option(name: .long, help: "Bar interval: 1minute, 5minute, 30minute, 1day.")
    var interval: Interval = .oneDay

    @Option(name: .long, help: "Seed of the market; the same seed gives the same bars.")
    var seed: UInt64 = 42

    @Option(name: .long, help: ArgumentHelp("A planted gap: SYMBOL, SYMBOL:FROM..TO or *:FROM..TO (repeatable).", valueName: "gap"))
    var gap: [String] = []

    @Option(name: .long, help: ArgumentHelp("How returns are made: realistic, no-edge (i.i.d., nothing predictable), mean-reversion:STRENGTH (a learnable daily edge, e.g. 0.5) or intraday-reversion:STRENGTH (no-edge days, a learnable edge between the bars of a session).", valueName: "dynamics"))
    var market: MarketDynamics = .realistic

    @OptionGroup var data: DataDirOption

    func validate() throws {
        for g in gap where SyntheticGap(parsing: g) == nil {
            throw ValidationError("--gap \(g): expected SYMBOL, SYMBOL:YYYY-MM-DD..YYYY-MM-DD or *:YYYY-MM-DD..YYYY-MM-DD")
        }
    }

    func run() throws {
        do {
            let symbols = try selection.resolve()
            _ = try dates.requireTradingDays(TradingCalendar.nse())
            let listing = try SymbolMappings.load(dataDir: data.root.url).listingDates
            let synthetic = try SyntheticMarket(seed: seed, gaps: gap.compactMap(SyntheticGap.init(parsing:)), listingDates: listing, dynamics: market)
            try synthetic.writeCache(to: data.root.cache, symbols: symbols, range: dates.range, interval: interval)
            print("wrote synthetic \(interval.rawValue) bars for \(symbols.count) symbols, \(dates.range), seed \(seed), \(market) market, into \(data.root.historical.path)")
        } catch {
            throw failCleanly(error)
        }
    }
}
