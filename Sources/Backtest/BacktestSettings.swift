import Foundation
import MarketData

/// The simulation's parameters; recorded with its metrics.
public struct BacktestSettings: Codable, Sendable, Equatable {
    public var topK: Int
    /// Rebalance every this many trading days.
    public var rebalanceDays: Int
    /// At most this many held names are swapped out per rebalance (Qlib's TopkDropout `n_drop`).
    public var maxReplacements: Int
    public var minProbability: Double
    public var capital: Money
    public var plan: String
    /// Annual risk-free rate used for the Sharpe and Sortino ratios.
    public var riskFreeRate: Double
    public var start: CalendarDay?
    public var end: CalendarDay?

    public init(topK: Int = 10, rebalanceDays: Int = 5, maxReplacements: Int? = nil, minProbability: Double = 0.5,
                capital: Money = Money(paise: 10_00_000_00), plan: String = BrokeragePlan.zeroDelivery.name,
                riskFreeRate: Double = 0.065, start: CalendarDay? = nil, end: CalendarDay? = nil) {
        self.topK = topK
        self.rebalanceDays = rebalanceDays
        self.maxReplacements = maxReplacements ?? topK
        self.minProbability = minProbability
        self.capital = capital
        self.plan = plan
        self.riskFreeRate = riskFreeRate
        self.start = start
        self.end = end
    }

    func validate() throws(BacktestError) {
        guard topK > 0 else { throw .invalidSettings("topK must be positive") }
        guard rebalanceDays > 0 else { throw .invalidSettings("rebalanceDays must be positive") }
        guard maxReplacements >= 0 else { throw .invalidSettings("maxReplacements must not be negative") }
        guard capital > .zero else { throw .invalidSettings("capital must be positive") }
        guard riskFreeRate.isFinite, minProbability.isFinite else { throw .invalidSettings("rates must be finite") }
    }

    enum CodingKeys: String, CodingKey {
        case topK = "top_k", rebalanceDays = "rebalance_days", maxReplacements = "max_replacements"
        case minProbability = "min_probability", capital, plan, riskFreeRate = "risk_free_rate", start, end
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            topK: try c.decode(Int.self, forKey: .topK),
            rebalanceDays: try c.decode(Int.self, forKey: .rebalanceDays),
            maxReplacements: try c.decode(Int.self, forKey: .maxReplacements),
            minProbability: try c.decode(Double.self, forKey: .minProbability),
            capital: Money(rupees: try c.decode(Decimal.self, forKey: .capital)),
            plan: try c.decode(String.self, forKey: .plan),
            riskFreeRate: try c.decode(Double.self, forKey: .riskFreeRate),
            start: try c.decodeIfPresent(CalendarDay.self, forKey: .start),
            end: try c.decodeIfPresent(CalendarDay.self, forKey: .end)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(topK, forKey: .topK)
        try c.encode(rebalanceDays, forKey: .rebalanceDays)
        try c.encode(maxReplacements, forKey: .maxReplacements)
        try c.encode(minProbability, forKey: .minProbability)
        try c.encode(capital.rupees, forKey: .capital)
        try c.encode(plan, forKey: .plan)
        try c.encode(riskFreeRate, forKey: .riskFreeRate)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}
