import Foundation

/// Renders a quote for `sensequant costs --side buy --value 100000 --date 2024-11-05 [--intraday]`.
public enum CostQuoteText {
    public static func render(_ quote: CostQuote) -> String {
        let order = quote.order
        let c = quote.charges
        let rows = Dictionary(uniqueKeysWithValues: quote.rows.map { ($0.charge, $0) })
        func scheduled(_ kind: ChargeKind, base: String = "of value") -> String {
            guard let row = rows[kind] else { return "" }
            return "\(percent(row.rate)) \(base), effective from \(row.effectiveFrom)"
        }
        let gstBase = c.brokerage + c.exchangeTxn + c.sebi
        let lines: [(String, Money, String)] = [
            ("brokerage", c.brokerage, brokerageText(quote.plan.rule(for: order.product), plan: quote.plan.name)),
            ("stt", c.stt, scheduled(.stt)),
            ("exchange_txn", c.exchangeTxn, scheduled(.exchangeTxn)),
            ("sebi", c.sebi, scheduled(.sebi)),
            ("stamp", c.stamp, scheduled(.stamp)),
            ("gst", c.gst, scheduled(.gst, base: "of brokerage + exchange_txn + sebi (\(gstBase))")),
            ("dp", c.dp, dpText(quote)),
        ]
        var out = "\(order.product.rawValue) \(order.side.rawValue) of Rs \(order.value) on \(order.date), plan \(quote.plan.name)\n"
        for (name, amount, detail) in lines {
            out += pad(name, 13) + leftPad(amount.description, 10) + "  " + detail + "\n"
        }
        out += pad("total", 13) + leftPad(c.total.description, 10) + "\n"
        return out
    }

    private static func brokerageText(_ rule: BrokerageRule, plan: String) -> String {
        var text = "\(percent(rule.rate)) of value"
        if rule.minimum > 0 { text += ", min Rs \(rule.minimum)" }
        if let maximum = rule.maximum { text += ", max Rs \(maximum)" }
        return text + " per order (plan \(plan))"
    }

    private static func dpText(_ quote: CostQuote) -> String {
        guard quote.charges.dp > .zero else { return "none (delivery sells only)" }
        return "Rs \(Money(rupees: quote.plan.dpChargeBeforeGST)) per scrip per day + GST"
    }

    static func percent(_ fraction: Decimal) -> String { "\(fraction * 100)%" }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func leftPad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
