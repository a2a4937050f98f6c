import MarketData

/// A `sensequant fetch --symbols ... --start-date ... --end-date ...` remedy, parsed so that a
/// group's remedies can be merged into one command over all of its symbols.
struct FetchRemedy: Equatable {
    var symbols: [String]
    var start: CalendarDay
    var end: CalendarDay
    /// Any other arguments (`--data-dir X`, `--interval 1day`), in their original order.
    var otherArguments: [String]

    /// nil for anything that is not exactly a fetch command with one date range.
    init?(_ command: String) {
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

    init(symbols: [String], start: CalendarDay, end: CalendarDay, otherArguments: [String]) {
        self.symbols = symbols
        self.start = start
        self.end = end
        self.otherArguments = otherArguments
    }

    var command: String {
        (["sensequant", "fetch", "--symbols"] + symbols + ["--start-date", start.description, "--end-date", end.description]
            + otherArguments).joined(separator: " ")
    }
}

enum RemedyMerger {
    /// The fewest commands that do what all of `remedies` do. Fetches with the same dates and
    /// options become one command over the union of their symbols; then fetches of the same
    /// symbols whose date ranges overlap or touch become one command over the joined range
    /// (the adjacent windows of one symbol need overlapping history). Anything else is kept
    /// verbatim, once. Order follows first appearance.
    static func merge(_ remedies: [String]) -> [String] {
        var fetches: [FetchRemedy] = []
        var verbatim: [String] = []
        var order: [Entry] = []
        for remedy in remedies {
            if let fetch = FetchRemedy(remedy) {
                if let i = fetches.firstIndex(where: { $0.start == fetch.start && $0.end == fetch.end && $0.otherArguments == fetch.otherArguments }) {
                    for s in fetch.symbols where !fetches[i].symbols.contains(s) { fetches[i].symbols.append(s) }
                } else {
                    fetches.append(fetch)
                    order.append(.fetch(fetches.count - 1))
                }
            } else if !verbatim.contains(remedy) {
                verbatim.append(remedy)
                order.append(.verbatim(verbatim.count - 1))
            }
        }
        let joined = joinRanges(fetches)
        return order.compactMap { entry in
            switch entry {
            case .fetch(let i): joined[i]?.command
            case .verbatim(let i): verbatim[i]
            }
        }
    }

    private enum Entry { case fetch(Int), verbatim(Int) }

    /// Same length as `fetches`; a fetch absorbed into an earlier one becomes nil.
    private static func joinRanges(_ fetches: [FetchRemedy]) -> [FetchRemedy?] {
        var result: [FetchRemedy?] = fetches
        for i in result.indices {
            guard var head = result[i] else { continue }
            var absorbedSomething = true
            while absorbedSomething {
                absorbedSomething = false
                for j in result.indices where j != i {
                    guard let other = result[j], Set(other.symbols) == Set(head.symbols),
                          other.otherArguments == head.otherArguments,
                          other.start.ordinal <= head.end.ordinal + 1, head.start.ordinal <= other.end.ordinal + 1
                    else { continue }
                    head.start = min(head.start, other.start)
                    head.end = max(head.end, other.end)
                    result[j] = nil
                    absorbedSomething = true
                }
            }
            result[i] = head
        }
        return result
    }
}
