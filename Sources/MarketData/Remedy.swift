/// What fixes a failure, as data: errors carry it, the ledger stores it (JSON), reports merge
/// it, and `RemedyText` alone turns it into words and shell commands.
public enum Remedy: Codable, Sendable, Hashable {
    /// Fetch these symbols' bars for these days into a data root.
    case fetch(FetchRemedy)
    /// Symbols without a Breeze code: add codes or import their bars (a fetch cannot help).
    case mapSymbols([String], dataDir: String?)
    /// Rerun what did not succeed in a batch.
    case resume(batchId: String, dataDir: String?)
    /// Render a batch's report again from the ledger.
    case report(batchId: String, dataDir: String?)
    /// Evaluate a batch's models out of sample again.
    case evaluate(batchId: String, dataDir: String?)
    /// List the batches a ledger holds.
    case listBatches(dataDir: String?)
    /// Give live Breeze its credentials, or use a sandbox or CSV files instead.
    case breezeCredentials(variables: [String])
    /// Advice in words, naming no command.
    case advice(String)

    /// Whether the remedy is one shell command to run as printed.
    public var isCommand: Bool {
        switch self {
        case .fetch, .resume, .report, .evaluate, .listBatches: true
        case .mapSymbols, .breezeCredentials, .advice: false
        }
    }
}

/// A fetch that fills `range` for `symbols`. `dataDir` nil means the default data root.
public struct FetchRemedy: Codable, Sendable, Hashable {
    public var symbols: [String]
    public var range: DayRange
    public var interval: Interval
    public var dataDir: String?

    public init(symbols: [String], range: DayRange, interval: Interval = .oneDay, dataDir: String? = nil) {
        self.symbols = symbols
        self.range = range
        self.interval = interval
        self.dataDir = dataDir
    }
}

extension Remedy: CustomStringConvertible {
    public var description: String { RemedyText.render(self) }
}
