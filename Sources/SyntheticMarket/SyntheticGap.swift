import MarketData

/// A planted hole in the synthetic market: a symbol (or every symbol, when `symbol` is nil)
/// has no bars over `range` (or at all, when `range` is nil).
public struct SyntheticGap: Sendable, Equatable, CustomStringConvertible {
    public var symbol: String?
    public var range: DayRange?

    public init(symbol: String?, range: DayRange? = nil) {
        self.symbol = symbol
        self.range = range
    }

    /// Parses `SYMBOL`, `SYMBOL:FROM..TO`, `*:FROM..TO` (dates `YYYY-MM-DD`).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let name = parts.first, !name.isEmpty else { return nil }
        symbol = name == "*" ? nil : name
        if parts.count == 2 {
            let ends = parts[1].components(separatedBy: "..")
            guard ends.count == 2, let a = CalendarDay(ends[0]), let b = CalendarDay(ends[1]), a <= b else { return nil }
            range = DayRange(a, b)
        } else {
            range = nil
        }
    }

    public func covers(symbol: String, day: CalendarDay) -> Bool {
        (self.symbol == nil || self.symbol == symbol) && (range?.contains(day) ?? true)
    }

    public var description: String { "\(symbol ?? "*")" + (range.map { ":\($0)" } ?? "") }
}
