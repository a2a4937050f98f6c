import Foundation
import MarketData

/// One synthetic trading day before its session is walked: open, close and volume, and the
/// standard deviation the open-to-close log return was drawn with (the session path walks with
/// it; its high and low come from that path, `SessionPath`).
struct DailyState {
    var open, close, volume: Double
    var intradayVolatility: Double
}

/// The daily random walk of one symbol. `realistic`: GARCH(1,1) volatility clustering, Markov
/// drift regimes (bull, bear, flat), overnight gaps, fat-tailed shocks, and volume that rises
/// with |return|; its overnight gap carries 30% of the day's shock, so the gap points the way
/// of the rest of the session, as gaps often do. `noEdge`: i.i.d. normal returns at constant
/// volatility, the overnight gap and the session's return drawn apart (a close drawn from the
/// previous close alone would make the session give back its gap). `meanReversion`: the
/// no-edge walk plus a pull against the last five days' return. `intradayReversion`: the no-edge
/// walk (its edge is inside the day, in `IntradayPath`). Generated day by day from a
/// fixed origin so any sub-range is a slice of the same path.
struct DailyPath {
    private static let regimeDrifts: [Double] = [0.0007, -0.0006, 0.0]
    private static let regimeSwitchProbability = 0.015
    private static let alpha = 0.08, beta = 0.90

    private var rng: Xoshiro256
    private let profile: SymbolProfile
    private var variance: Double
    private var lastShock = 0.0
    private var regime = 2
    private var previousClose: Double
    private let dynamics: MarketDynamics
    /// The last five daily log returns, newest last (mean reversion pulls against their mean).
    private var recentReturns: [Double] = []

    init(seed: UInt64, symbol: String, dynamics: MarketDynamics = .realistic) {
        self.dynamics = dynamics
        profile = SymbolProfile(seed: seed, symbol: symbol)
        rng = Xoshiro256(seed: SplitMix64.mix(seed, SplitMix64.hash(symbol), 0xDA11))
        variance = profile.longRunVolatility * profile.longRunVolatility
        previousClose = profile.startPrice
    }

    mutating func next() -> DailyState {
        switch dynamics {
        case .realistic: return nextRealistic()
        case .noEdge, .intradayReversion: return nextIID(pull: 0)
        case .meanReversion(let strength): return nextIID(pull: strength)
        }
    }

    /// Constant volatility, normal shocks, no regimes; `pull` of the next session's log return
    /// against the mean of the last five close-to-close returns (0: nothing in the past predicts
    /// the future). The gap has 4% of the day's variance, the session the rest.
    private mutating func nextIID(pull: Double) -> DailyState {
        let sigma = profile.longRunVolatility
        let reversion = recentReturns.isEmpty ? 0 : -pull * recentReturns.reduce(0, +) / Double(recentReturns.count)
        let open = tick(previousClose * exp(0.2 * sigma * rng.normal()))
        let sessionSigma = 0.98 * sigma
        let close = tick(open * exp(reversion + sessionSigma * rng.normal()))
        recentReturns.append(log(close / previousClose))
        if recentReturns.count > 5 { recentReturns.removeFirst() }
        return day(open: open, close: close, sessionSigma: sessionSigma, activity: 1)
    }

    private mutating func nextRealistic() -> DailyState {
        if rng.uniform() < Self.regimeSwitchProbability { regime = Int(rng.next() % 3) }
        let longRun = profile.longRunVolatility * profile.longRunVolatility
        variance = longRun * (1 - Self.alpha - Self.beta) + Self.alpha * lastShock * lastShock + Self.beta * variance
        let sigma = variance.squareRoot()
        var z = rng.normal()
        if rng.uniform() < 0.01 { z *= 3 }  // rare jumps give the fat tails of real returns
        lastShock = sigma * z
        let overnight = 0.3 * lastShock + 0.15 * sigma * rng.normal()
        let open = tick(previousClose * exp(overnight))
        // The session's return is 0.7 of the shock less the gap's own noise: sd about 0.72 sigma.
        return day(open: open, close: tick(previousClose * exp(Self.regimeDrifts[regime] + lastShock)),
                   sessionSigma: 0.72 * sigma, activity: 1 + 1.5 * abs(lastShock) / profile.longRunVolatility)
    }

    /// The rest of a day from its open and close: its volume.
    private mutating func day(open: Double, close: Double, sessionSigma: Double, activity: Double) -> DailyState {
        let volume = (profile.baseVolume * activity * exp(0.35 * rng.normal())).rounded()
        previousClose = close
        return DailyState(open: open, close: close, volume: volume, intradayVolatility: sessionSigma)
    }
}

/// NSE equity tick: 0.05 rupees.
func tick(_ price: Double) -> Double { max(0.05, (price * 20).rounded() / 20) }
