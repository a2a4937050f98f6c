import Foundation
import MarketData

/// `sensequant coverage`: the cache against the trading calendar, per symbol, and with `verify`
/// every cached day against its manifest checksum.
public struct CoverageFlow: Sendable {
    public var root: DataRoot
    public var symbols: [String]
    public var interval: Interval
    public var range: DayRange
    public var verify = false

    public init(root: DataRoot, symbols: [String], interval: Interval, range: DayRange) {
        self.root = root
        self.symbols = symbols
        self.interval = interval
        self.range = range
    }

    public struct Outcome: Sendable {
        public var report: [SymbolCoverage]
        public var mismatches: [ChecksumMismatch]
    }

    public func run() throws -> Outcome {
        guard FileManager.default.fileExists(atPath: root.historical.path) else {
            throw RequestError.input("no bar cache at \(root.historical.path)",
                                     fix: "pass the --data-dir you fetched or imported into, or fill it first with sensequant fetch or sensequant import")
        }
        let report = try Coverage.audit(cache: root.cache, symbols: symbols, interval: interval, range: range, calendar: TradingCalendar.nse())
        let mismatches = verify ? try symbols.flatMap { try Coverage.verify(cache: root.cache, symbol: $0, interval: interval, range: range) } : []
        return Outcome(report: report, mismatches: mismatches)
    }

    /// The error for changed day files, with the fetch that replaces them (nil when none changed).
    public func mismatchError(_ mismatches: [ChecksumMismatch]) -> RequestError? {
        guard !mismatches.isEmpty else { return nil }
        let fetch = FetchRemedy(symbols: Array(Set(mismatches.map(\.symbol))).sorted(), range: range, interval: interval,
                                dataDir: root.dataDirArgument)
        return .input("\(mismatches.count) cached day file(s) changed since they were written (fetch moves them to the quarantine and fetches their days again)",
                      remedy: .fetch(fetch))
    }
}
