import Foundation

/// Metrics as snake_case JSON with sorted keys; absent values are written as null with the key present.
public enum MetricsJSON {
    public static func encode(_ metrics: Metrics) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        var data = try encoder.encode(metrics)
        data.append(contentsOf: Array("\n".utf8))
        return data
    }
}

extension Metrics: Encodable {
    enum CodingKeys: String, CodingKey {
        case grossReturn = "gross_return", netReturn = "net_return", benchmarkReturn = "benchmark_return"
        case excessReturn = "excess_return", excessTStat = "excess_return_t_stat", totalCharges = "total_charges", chargesByKind = "charges_by_kind"
        case annualisedReturn = "annualised_return", annualisedVolatility = "annualised_volatility"
        case sharpe, sortino, maxDrawdown = "max_drawdown", turnover, trades, hitRate = "hit_rate"
        case riskFreeRate = "risk_free_rate", settings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(grossReturn, forKey: .grossReturn)
        try c.encode(netReturn, forKey: .netReturn)
        try c.encode(benchmarkReturn, forKey: .benchmarkReturn)
        try c.encode(excessReturn, forKey: .excessReturn)
        try c.encode(excessTStat, forKey: .excessTStat)
        try c.encode(totalCharges.rupees, forKey: .totalCharges)
        try c.encode(chargesByKind, forKey: .chargesByKind)
        try c.encode(annualisedReturn, forKey: .annualisedReturn)
        try c.encode(annualisedVolatility, forKey: .annualisedVolatility)
        try c.encode(sharpe, forKey: .sharpe)
        try c.encode(sortino, forKey: .sortino)
        try c.encode(maxDrawdown, forKey: .maxDrawdown)
        try c.encode(turnover, forKey: .turnover)
        try c.encode(trades, forKey: .trades)
        try c.encode(hitRate, forKey: .hitRate)
        try c.encode(riskFreeRate, forKey: .riskFreeRate)
        try c.encode(settings, forKey: .settings)
    }
}

extension Drawdown: Encodable {
    enum CodingKeys: String, CodingKey {
        case value, peakDate = "peak_date", troughDate = "trough_date"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(peakDate, forKey: .peakDate)
        try c.encode(troughDate, forKey: .troughDate)
    }
}

extension Charges: Encodable {
    enum CodingKeys: String, CodingKey {
        case brokerage, stt, exchangeTxn = "exchange_txn", sebi, stamp, gst, dp
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(brokerage.rupees, forKey: .brokerage)
        try c.encode(stt.rupees, forKey: .stt)
        try c.encode(exchangeTxn.rupees, forKey: .exchangeTxn)
        try c.encode(sebi.rupees, forKey: .sebi)
        try c.encode(stamp.rupees, forKey: .stamp)
        try c.encode(gst.rupees, forKey: .gst)
        try c.encode(dp.rupees, forKey: .dp)
    }
}
