import MarketData
import SyntheticMarket

/// Decides, per historical request, which fault (if any) to inject. A decision depends only on
/// the seed, the request and how many times that same request was seen, so a run is
/// reproducible whatever order concurrent requests arrive in.
actor FaultInjector {
    enum Decision: Equatable { case none, rateLimit, serverError, hang, quota, answer(AnswerFault) }

    private let plan: FaultPlan
    private let seed: UInt64
    private var attempts: [String: UInt64] = [:]
    private var historicalCalls = 0

    init(plan: FaultPlan, seed: UInt64) {
        self.plan = plan
        self.seed = seed
    }

    func decide(requestKey: String) -> Decision {
        if let limit = plan.quotaAfter, historicalCalls >= limit { return .quota }
        historicalCalls += 1
        let attempt = attempts[requestKey, default: 0]
        attempts[requestKey] = attempt + 1
        var rng = SplitMix64(state: SplitMix64.mix(seed, SplitMix64.hash(requestKey), attempt))
        let u = Double(rng.next() >> 11) * 0x1.0p-53
        var threshold = plan.rateLimitProbability
        if u < threshold { return .rateLimit }
        threshold += plan.serverErrorProbability
        if u < threshold { return .serverError }
        threshold += plan.timeoutProbability
        if u < threshold { return .hang }
        for fault in plan.answers {
            threshold += fault.probability
            if u < threshold { return .answer(fault) }
        }
        return .none
    }

    var callCount: Int { historicalCalls }
}
