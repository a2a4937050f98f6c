/// A trading day as ISO `YYYY-MM-DD`: that form sorts chronologically as a string.
public typealias DateKey = String

/// One out-of-sample prediction: the model's probability of label 1 for `symbol` on `date`.
public struct ScoredRow: Sendable, Equatable {
    public var date: DateKey
    public var symbol: String
    public var probability: Double
    /// 1, 0, or nil while the forward window has not yet closed.
    public var label: Double?
    public var forwardReturn: Double?

    public init(date: DateKey, symbol: String, probability: Double, label: Double?, forwardReturn: Double?) {
        self.date = date
        self.symbol = symbol
        self.probability = probability
        self.label = label
        self.forwardReturn = forwardReturn
    }
}

extension ScoredRow {
    /// A total order on rows (date, symbol, then values). Sorting by it first makes every
    /// floating-point sum independent of the order the rows arrived in.
    static func canonicallyOrdered(_ a: ScoredRow, _ b: ScoredRow) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.symbol != b.symbol { return a.symbol < b.symbol }
        if a.probability != b.probability { return a.probability < b.probability }
        if a.label != b.label { return (a.label ?? -.infinity) < (b.label ?? -.infinity) }
        return (a.forwardReturn ?? -.infinity) < (b.forwardReturn ?? -.infinity)
    }
}
