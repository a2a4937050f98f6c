/// The planted intraday edge: a session's bar-to-bar log-return steps, each pulling against the
/// session's own recent move. Step k is `(1 + strength) * shocks[k]` minus `strength` times the
/// mean of the steps before it, at most `memory` of them and none before the session's first
/// bar (a session never reaches back across the overnight gap). So a move over the last few
/// bars tends to be given back over the next few: the lag-1...`memory` autocorrelations of the
/// steps are negative, and a forward return of a few bars is predictable from the recent ones
/// (14 bars: the span of the teacher's RSI and about that of its MACD, so its features see it).
/// The `1 + strength` keeps the session's total variance near that of the shocks alone (a pull
/// summing to `-strength` shrinks a long move by `1 / (1 + strength)`), so the bridge to the
/// day's close bends the path about as little as without the pull. Strength 0 returns the
/// shocks unchanged.
enum IntradayReversion {
    static let memory = 14

    static func steps(shocks: [Double], strength: Double, memory: Int = memory) -> [Double] {
        guard strength != 0 else { return shocks }
        var steps: [Double] = []
        steps.reserveCapacity(shocks.count)
        for (k, shock) in shocks.enumerated() {
            let recent = steps[max(0, k - memory)..<k]
            let pull = recent.isEmpty ? 0 : strength * recent.reduce(0, +) / Double(recent.count)
            steps.append((1 + strength) * shock - pull)
        }
        return steps
    }
}
