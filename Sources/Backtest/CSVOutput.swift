/// The fills and equity tables as CSV: money and prices with two decimals, dates as YYYY-MM-DD.
public enum CSVOutput {
    public static func fills(_ fills: [Fill]) -> String {
        var out = "date,signal_date,symbol,side,quantity,price,value,brokerage,stt,exchange_txn,sebi,stamp,gst,dp,total_charges\n"
        for f in fills {
            let c = f.charges
            let fields: [String] = [
                f.date.description, f.signalDate?.description ?? "", quoted(f.symbol), f.side.rawValue, String(f.quantity),
                f.price.description, f.value.description, c.brokerage.description, c.stt.description,
                c.exchangeTxn.description, c.sebi.description, c.stamp.description, c.gst.description,
                c.dp.description, c.total.description,
            ]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    public static func equity(_ points: [EquityPoint]) -> String {
        var out = "date,cash,holdings_value,equity,benchmark_equity\n"
        for p in points {
            out += "\(p.date),\(p.cash),\(p.holdingsValue),\(p.equity),\(p.benchmarkEquity)\n"
        }
        return out
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
