import MarketData

/// An out-of-sample prediction: the probability that `symbol` rises, made with bars up to `date`'s close.
public struct Signal: Hashable, Sendable {
    public var date: CalendarDay
    public var symbol: String
    public var probability: Double

    public init(date: CalendarDay, symbol: String, probability: Double) {
        self.date = date
        self.symbol = symbol
        self.probability = probability
    }
}
