import ArgumentParser
import Breeze
import Foundation
import Ingest
import MarketData

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch historical bars from Breeze (or a Breeze sandbox) into the bar cache; reruns resume.",
        discussion: """
            Live Breeze needs BREEZE_API_KEY, BREEZE_API_SECRET and BREEZE_SESSION_TOKEN (environment or ./.env).
            Only days the cache does not hold are requested (--force refetches). Bars from a sandbox are marked synthetic.
            """)

    enum Provider: String, ExpressibleByArgument { case breeze, sandbox }

    @OptionGroup var selection: SymbolSelection
    @OptionGroup var dates: DateRangeOptions

    @Option(name: .long, help: "Bar interval: 1minute, 5minute, 30minute, 1day.")
    var interval: Interval = .oneDay

    @Option(name: .long, help: "breeze (live) or sandbox (a local `sensequant sandbox`).")
    var provider: Provider = .breeze

    @Option(name: .long, help: "Base URL of the sandbox.")
    var sandboxUrl = "http://127.0.0.1:8765"

    @Option(name: .long, help: "Session token the sandbox accepts.")
    var sandboxSessionToken = "sandbox-session"

    @Flag(name: .long, help: "Refetch days the cache already holds.")
    var force = false

    @Option(name: .long, help: "Requests per minute (default 90 for breeze, unlimited for sandbox).")
    var requestsPerMinute: Int?

    @Option(name: .long, help: "Requests per IST day, kept across runs in <data-dir>/state/ (default 4900 for breeze).")
    var dailyBudget: Int?

    @Option(name: .long, help: "Seconds to wait for one answer.")
    var timeout = 30.0

    @OptionGroup var data: DataDirOption

    func run() async throws {
        let report: FetchReport
        do {
            let fetcher = try makeFetcher()
            report = try await fetcher.fetch(symbols: try selection.resolve(), range: dates.range, interval: interval, force: force,
                                             progress: FetchProgressPrinter().callback)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw failCleanly(error)
        }
        FetchProgressPrinter.finish()
        print(FetchReportText.table(report))
        print(FetchReportText.summary(report))
        if !report.succeeded { throw ExitCode(1) }
    }

    private func makeFetcher() throws -> Fetcher {
        let root = data.root
        let isSandbox = provider == .sandbox
        let credentials = isSandbox
            ? BreezeCredentials(apiKey: "sandbox", apiSecret: "sandbox-secret", sessionToken: sandboxSessionToken)
            : try BreezeCredentials.load()
        let client = BreezeClient(credentials: credentials, endpoints: isSandbox ? .sandbox(sandboxUrl) : .production,
                                  requestTimeout: .milliseconds(Int64(timeout * 1000)))
        var limits = isSandbox ? FetchLimits.sandbox : FetchLimits.breeze
        if let requestsPerMinute { limits.requestsPerMinute = requestsPerMinute }
        if let dailyBudget { limits.dailyBudget = dailyBudget }
        return Fetcher(
            provider: BreezeProvider(client: client, isSandbox: isSandbox), cache: root.cache, calendar: try TradingCalendar.nse(),
            mappings: try SymbolMappings.load(dataDir: root.url), limits: limits,
            usageFile: root.state.appendingPathComponent("\(provider.rawValue)_usage.json"),
            mappingsFile: root.url.appendingPathComponent(SymbolMappings.fileName).path
        )
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

final class FetchProgressThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Date?

    func due(final: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard final || last.map({ now.timeIntervalSince($0) >= 5 }) ?? true else { return false }
        last = now
        return true
    }
}
