import MarketData

/// The `sensequant fetch --symbols ... --start-date ... --end-date ...` remedy: written by
/// preflight into the ledger and parsed back by reports, which merge a group's remedies into one
/// command over all of its symbols. One type, so the two cannot drift apart.
public struct FetchRemedy: Equatable, Sendable {
    public var symbols: [String]
    public var start: CalendarDay
    public var end: CalendarDay
    /// Any other arguments (`--data-dir X`, `--interval 1day`), in their original order.
    public var otherArguments: [String]

    /// nil for anything that is not exactly a fetch command with one date range.
    public init?(_ command: String) {
        let tokens = command.split(separator: " ").map(String.init)
        guard tokens.count >= 2, tokens[0] == "sensequant", tokens[1] == "fetch" else { return nil }
        var symbols: [String] = []
        var start: CalendarDay?
        var end: CalendarDay?
        var other: [String] = []
        var i = 2
        while i < tokens.count {
            switch tokens[i] {
            case "--symbols":
                i += 1
                while i < tokens.count, !tokens[i].hasPrefix("--") { symbols.append(tokens[i]); i += 1 }
                continue
            case "--start-date":
                guard i + 1 < tokens.count, start == nil, let day = CalendarDay(tokens[i + 1]) else { return nil }
                start = day
                i += 2
                continue
            case "--end-date":
                guard i + 1 < tokens.count, end == nil, let day = CalendarDay(tokens[i + 1]) else { return nil }
                end = day
                i += 2
                continue
            default:
                other.append(tokens[i])
                i += 1
            }
        }
        guard !symbols.isEmpty, let start, let end, start <= end else { return nil }
        self.symbols = symbols
        self.start = start
        self.end = end
        self.otherArguments = other
    }

    public init(symbols: [String], start: CalendarDay, end: CalendarDay, otherArguments: [String]) {
        self.symbols = symbols
        self.start = start
        self.end = end
        self.otherArguments = otherArguments
    }

    public var command: String {
        (["sensequant", "fetch", "--symbols"] + symbols + ["--start-date", start.description, "--end-date", end.description]
            + otherArguments).joined(separator: " ")
    }
}
