/// How a synthetic market's returns are generated: the tests and the demo need a market where
/// nothing is predictable and ones with an edge a model can learn, daily or inside the day.
public enum MarketDynamics: Sendable, Equatable, CustomStringConvertible {
    /// Volatility clustering, drift regimes, jumps: looks like a market, has no planted edge.
    case realistic
    /// i.i.d. normal returns at constant volatility: no model can beat chance.
    case noEdge
    /// The no-edge walk plus a pull of each day's log return against the mean of the last five,
    /// of this strength (0.5: half of it): recent losers tend to rise.
    case meanReversion(strength: Double)
    /// No-edge days; inside each session every bar's log return pulls against the session's
    /// last few bar returns, of this strength (see `IntradayReversion`): a move over the last
    /// few bars tends to be given back over the next few.
    case intradayReversion(strength: Double)

    /// `realistic`, `no-edge`, `mean-reversion:STRENGTH` or `intraday-reversion:STRENGTH`
    /// (STRENGTH in 0...1).
    public init?(parsing text: String) {
        switch text {
        case "realistic": self = .realistic
        case "no-edge": self = .noEdge
        default:
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let s = Double(parts[1]), (0...1).contains(s) else { return nil }
            switch parts[0] {
            case "mean-reversion": self = .meanReversion(strength: s)
            case "intraday-reversion": self = .intradayReversion(strength: s)
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .realistic: "realistic"
        case .noEdge: "no-edge"
        case .meanReversion(let s): "mean-reversion:\(s)"
        case .intradayReversion(let s): "intraday-reversion:\(s)"
        }
    }

    /// The strength of the pull between bars of a session (0 unless `intradayReversion`).
    var intradayPull: Double {
        if case .intradayReversion(let s) = self { s } else { 0 }
    }
}
