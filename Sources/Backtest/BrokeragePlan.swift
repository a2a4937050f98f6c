import Foundation

/// Brokerage for one product: `rate` of order value, raised to `minimum` and capped at `maximum` (rupees, per order).
public struct BrokerageRule: Codable, Sendable, Equatable {
    public var rate: Decimal
    public var minimum: Decimal
    public var maximum: Decimal?

    public init(rate: Decimal, minimum: Decimal = 0, maximum: Decimal? = nil) {
        self.rate = rate
        self.minimum = minimum
        self.maximum = maximum
    }

    public func brokerage(on value: Money) -> Money {
        let raised = max(value.applying(rate), Money(rupees: minimum))
        return maximum.map { min(raised, Money(rupees: $0)) } ?? raised
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rate, forKey: .rate)
        try container.encode(minimum, forKey: .minimum)
        try container.encode(maximum, forKey: .maximum)
    }
}

/// A broker's charges: brokerage per product and the depository (DP) charge per scrip per day sold from demat.
public struct BrokeragePlan: Codable, Sendable, Equatable {
    public var name: String
    public var delivery: BrokerageRule
    public var intraday: BrokerageRule
    /// Rupees per scrip per day sold from demat (delivery sells only), before GST; GST is added at the schedule's rate.
    public var dpChargeBeforeGST: Decimal

    public init(name: String, delivery: BrokerageRule, intraday: BrokerageRule, dpChargeBeforeGST: Decimal) {
        self.name = name
        self.delivery = delivery
        self.intraday = intraday
        self.dpChargeBeforeGST = dpChargeBeforeGST
    }

    enum CodingKeys: String, CodingKey {
        case name, delivery, intraday
        case dpChargeBeforeGST = "dp_charge_before_gst"
    }

    public func rule(for product: Product) -> BrokerageRule {
        product == .delivery ? delivery : intraday
    }

    /// Zerodha-style discount plan: delivery Rs 0; intraday min(0.03% of value, Rs 20) per order; DP Rs 13.50 + GST.
    public static let zeroDelivery = BrokeragePlan(
        name: "zero-delivery",
        delivery: BrokerageRule(rate: 0),
        intraday: BrokerageRule(rate: decimal(3, exponent: -4), maximum: 20),
        dpChargeBeforeGST: decimal(1350, exponent: -2)
    )

    /// Full-service percentage plan with a minimum per order (e.g. ICICI Direct: 0.55%, min Rs 35, intraday Rs 20 per order).
    public static func percentMin(
        name: String = "percent-min",
        deliveryRate: Decimal = decimal(55, exponent: -4),
        deliveryMinimumPerOrder: Decimal = 35,
        intradayPerOrder: Decimal = 20,
        dpChargeBeforeGST: Decimal = decimal(1350, exponent: -2)
    ) -> BrokeragePlan {
        BrokeragePlan(
            name: name,
            delivery: BrokerageRule(rate: deliveryRate, minimum: deliveryMinimumPerOrder),
            intraday: BrokerageRule(rate: 0, minimum: intradayPerOrder, maximum: intradayPerOrder),
            dpChargeBeforeGST: dpChargeBeforeGST
        )
    }

    public static let builtIn: [BrokeragePlan] = [zeroDelivery, percentMin()]

    /// A built-in plan by name, or else a custom plan file at that path (`--costs PLAN|FILE`).
    public static func named(orFile nameOrPath: String) throws(BacktestError) -> BrokeragePlan {
        if let plan = builtIn.first(where: { $0.name == nameOrPath }) { return plan }
        guard FileManager.default.fileExists(atPath: nameOrPath) else { throw .unknownPlan(nameOrPath) }
        return try load(from: URL(fileURLWithPath: nameOrPath))
    }

    /// Loads a custom plan from a JSON file shaped like the encoded form of this type.
    public static func load(from url: URL) throws(BacktestError) -> BrokeragePlan {
        do {
            return try JSONDecoder().decode(BrokeragePlan.self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw .malformedPlan(file: url.path, problem: DecodingProblem.describe(error))
        } catch {
            throw .malformedPlan(file: url.path, problem: "cannot be read (\(error.localizedDescription))")
        }
    }
}

/// `significand` x 10^`exponent`, exact.
public func decimal(_ significand: Int, exponent: Int) -> Decimal {
    Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
}
