import ArgumentParser
import Breeze
import Foundation
import Ingest
import MarketData
import Pipeline
import Synchronization

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch historical bars from Breeze (or a Breeze sandbox) into the bar cache; reruns resume.",
        discussion: """
            Live Breeze needs BREEZE_API_KEY, BREEZE_API_SECRET and BREEZE_SESSION_TOKEN (environment or ./.env).
            Only days the cache does not hold are requested (--force refetches). Bars from a sandbox are marked synthetic.
            """)

    @OptionGroup var selection: SymbolSelection
    @OptionGroup var dates: DateRangeOptions

    @Option(name: .long, help: "Bar interval: 1minute, 5minute, 30minute, 1day.")
    var interval: Interval = .oneDay

    @OptionGroup var source: ProviderOptions

    @Flag(name: .long, help: "Refetch days the cache already holds.")
    var force = false

    @OptionGroup var data: DataDirOption

    func run() async throws {
        let report: FetchReport
        do {
            let symbols = try selection.resolve()
            _ = try dates.requireTradingDays(TradingCalendar.nse())
            let fetcher = try source.settings.makeFetcher(root: data.root)
            report = try await fetcher.fetch(symbols: symbols, range: dates.range, interval: interval, force: force,
                                             progress: FetchProgressPrinter().callback)
        } catch {
            throw failCleanly(error)
        }
        FetchProgressPrinter.finish()
        print(FetchReportText.table(report))
        print(FetchReportText.summary(report))
        if !report.succeeded { throw ExitCode(1) }
    }
}

/// A redrawn bar on a terminal; otherwise a plain line at most every 5 seconds (and the last).
struct FetchProgressPrinter {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    var callback: @Sendable (FetchProgress) -> Void {
        let lastLine = FetchProgressThrottle()
        return { progress in
            if Self.isTerminal {
                FileHandle.standardError.write(Data(("\r" + FetchReportText.progressBar(progress)).utf8))
            } else if lastLine.due(final: progress.chunksDone == progress.chunksTotal) {
                FileHandle.standardError.write(Data(("fetch: " + FetchReportText.progressLine(progress) + "\n").utf8))
            }
        }
    }

    static func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

final class FetchProgressThrottle: Sendable {
    private let last = Mutex<Date?>(nil)

    func due(final: Bool) -> Bool {
        last.withLock { last in
            let now = Date()
            guard final || last.map({ now.timeIntervalSince($0) >= 5 }) ?? true else { return false }
            last = now
            return true
        }
    }
}
