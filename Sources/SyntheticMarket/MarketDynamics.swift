/// How a synthetic market's daily returns are generated: the tests and the demo need a market
/// where nothing is predictable and one with an edge a model can learn.
public enum MarketDynamics: Sendable, Equatable, CustomStringConvertible {
    /// Volatility clustering, drift regimes, jumps: looks like a market, has no planted edge.
    case realistic
    /// i.i.d. normal returns at constant volatility: no model can beat chance.
    case noEdge
    /// The no-edge walk plus a pull of each day's log return against the mean of the last five,
    /// of this strength (0.5: half of it): recent losers tend to rise.
    case meanReversion(strength: Double)

    /// `realistic`, `no-edge`, or `mean-reversion:STRENGTH` (STRENGTH in 0...1).
    public init?(parsing text: String) {
        switch text {
        case "realistic": self = .realistic
        case "no-edge": self = .noEdge
        default:
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "mean-reversion", let s = Double(parts[1]), (0...1).contains(s) else { return nil }
            self = .meanReversion(strength: s)
        }
    }

    public var description: String {
        switch self {
        case .realistic: "realistic"
        case .noEdge: "no-edge"
        case .meanReversion(let s): "mean-reversion:\(s)"
        }
    }
}
