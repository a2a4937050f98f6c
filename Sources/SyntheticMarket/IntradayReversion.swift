/// The planted intraday edge: a session's minute-to-minute log-return steps, each pulling against
/// the session's own recent move. Step k is `(1 + strength) * shocks[k]` minus `strength` times
/// the mean of the steps before it, at most `memory` of them and none before the session's first
/// minute (a session never reaches back across the overnight gap). So a move over the last hour
/// or so tends to be given back over the next: on 5-minute bars the lag-1...14 autocorrelations of
/// the returns are negative, and a forward return of a few bars is predictable from the recent
/// ones (70 minutes, 14 five-minute bars: the span of the teacher's RSI and about that of its
/// MACD, so its features see it). The `1 + strength` keeps the session's total variance near that
/// of the shocks alone (a pull summing to `-strength` shrinks a long move by `1 / (1 + strength)`),
/// so the bridge to the day's close bends the path about as little as without the pull.
/// Strength 0 returns the shocks unchanged.
enum IntradayReversion {
    static let memory = 70

    static func steps(shocks: [Double], strength: Double, memory: Int = memory) -> [Double] {
        guard strength != 0 else { return shocks }
        var steps: [Double] = []
        steps.reserveCapacity(shocks.count)
        var recentSum = 0.0
        for (k, shock) in shocks.enumerated() {
            let recent = min(k, memory)
            let pull = recent == 0 ? 0 : strength * recentSum / Double(recent)
            steps.append((1 + strength) * shock - pull)
            recentSum += steps[k]
            if k >= memory { recentSum -= steps[k - memory] }
        }
        return steps
    }
}
