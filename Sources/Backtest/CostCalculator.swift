import Foundation
import MarketData

/// The charges on one order, each rounded half-up to the paisa; `total` is the sum of the rounded parts.
public struct Charges: Hashable, Sendable {
    public var brokerage: Money
    public var stt: Money
    public var exchangeTxn: Money
    public var sebi: Money
    public var stamp: Money
    public var gst: Money
    public var dp: Money

    public init(brokerage: Money = .zero, stt: Money = .zero, exchangeTxn: Money = .zero, sebi: Money = .zero,
                stamp: Money = .zero, gst: Money = .zero, dp: Money = .zero) {
        self.brokerage = brokerage
        self.stt = stt
        self.exchangeTxn = exchangeTxn
        self.sebi = sebi
        self.stamp = stamp
        self.gst = gst
        self.dp = dp
    }

    public static let zero = Charges()

    public var total: Money { brokerage + stt + exchangeTxn + sebi + stamp + gst + dp }

    public static func + (a: Charges, b: Charges) -> Charges {
        Charges(brokerage: a.brokerage + b.brokerage, stt: a.stt + b.stt, exchangeTxn: a.exchangeTxn + b.exchangeTxn,
                sebi: a.sebi + b.sebi, stamp: a.stamp + b.stamp, gst: a.gst + b.gst, dp: a.dp + b.dp)
    }
}

public struct Order: Hashable, Sendable {
    public var side: OrderSide
    public var value: Money
    public var date: CalendarDay
    public var product: Product

    public init(side: OrderSide, value: Money, date: CalendarDay, product: Product = .delivery) {
        self.side = side
        self.value = value
        self.date = date
        self.product = product
    }
}

/// The charges on an order together with the schedule rows that produced them.
public struct CostQuote: Sendable {
    public var order: Order
    public var plan: BrokeragePlan
    public var charges: Charges
    /// The rows in force on the trade date, in `ChargeKind.allCases` order.
    public var rows: [ScheduleRow]
}

public struct CostCalculator: Sendable {
    public let schedule: CostSchedule

    public init(schedule: CostSchedule) { self.schedule = schedule }

    public func quote(_ order: Order, plan: BrokeragePlan) throws(CostScheduleError) -> CostQuote {
        var rows: [ScheduleRow] = []
        for kind in ChargeKind.allCases {
            rows.append(try schedule.row(kind, order.product, order.side, on: order.date))
        }
        let rates = Dictionary(uniqueKeysWithValues: rows.map { ($0.charge, $0.rate) })
        func rate(_ kind: ChargeKind) -> Decimal { rates[kind] ?? 0 }

        var charges = Charges()
        charges.brokerage = plan.rule(for: order.product).brokerage(on: order.value)
        charges.stt = order.value.applying(rate(.stt))
        charges.exchangeTxn = order.value.applying(rate(.exchangeTxn))
        charges.sebi = order.value.applying(rate(.sebi))
        charges.stamp = order.value.applying(rate(.stamp))
        // GST is levied on the amounts as charged, i.e. on the already-rounded parts.
        charges.gst = (charges.brokerage + charges.exchangeTxn + charges.sebi).applying(rate(.gst))
        if order.side == .sell && order.product == .delivery {
            charges.dp = Money(rupees: plan.dpChargeBeforeGST * (1 + rate(.gst)))
        }
        return CostQuote(order: order, plan: plan, charges: charges, rows: rows)
    }

    public func charges(_ order: Order, plan: BrokeragePlan) throws(CostScheduleError) -> Charges {
        try quote(order, plan: plan).charges
    }
}
