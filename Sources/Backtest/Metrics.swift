import Foundation
import MarketData

public struct Drawdown: Hashable, Sendable {
    /// Largest fall from a running peak, as a positive fraction of the peak.
    public var value: Double
    /// Nil when equity never fell below a previous peak.
    public var peakDate: CalendarDay?
    public var troughDate: CalendarDay?
}

/// Summary statistics of one run; see NOTES.md for the formulas.
public struct Metrics: Sendable {
    public static let tradingDaysPerYear = 252.0

    public var grossReturn: Double
    public var netReturn: Double
    public var benchmarkReturn: Double
    public var excessReturn: Double
    /// t-statistic of the mean daily active return (the strategy's net daily return minus the
    /// benchmark's): mean / (sd / sqrt(days)). One path's excess return is mostly luck; |t|
    /// below 2 is what a strategy without an edge gets about 19 runs in 20. Nil under 2 days or
    /// with no variation.
    public var excessTStat: Double?
    public var totalCharges: Money
    public var chargesByKind: Charges
    public var annualisedReturn: Double?
    public var annualisedVolatility: Double?
    public var sharpe: Double?
    public var sortino: Double?
    public var maxDrawdown: Drawdown
    public var turnover: Double?
    public var trades: Int
    public var hitRate: Double?
    public var riskFreeRate: Double
    public var settings: BacktestSettings

    init(equity: [EquityPoint], fills: [Fill], roundTrips: [RoundTrip], settings: BacktestSettings) {
        let capital = settings.capital.rupeesDouble
        let final = equity.last?.equity.rupeesDouble ?? capital
        chargesByKind = fills.reduce(Charges.zero) { $0 + $1.charges }
        totalCharges = chargesByKind.total
        netReturn = final / capital - 1
        grossReturn = (final + totalCharges.rupeesDouble) / capital - 1
        benchmarkReturn = (equity.last?.benchmarkEquity.rupeesDouble ?? capital) / capital - 1
        excessReturn = netReturn - benchmarkReturn

        let returns = DailyReturns(equity.map(\.equity.rupeesDouble))
        let benchmark = DailyReturns(equity.map(\.benchmarkEquity.rupeesDouble))
        excessTStat = DailyReturns(values: zip(returns.values, benchmark.values).map { $0 - $1 }).tStat
        let riskFreeDaily = pow(1 + settings.riskFreeRate, 1 / Metrics.tradingDaysPerYear) - 1
        annualisedReturn = returns.values.isEmpty ? nil : pow(1 + netReturn, Metrics.tradingDaysPerYear / Double(returns.values.count)) - 1
        annualisedVolatility = returns.standardDeviation.map { $0 * Metrics.tradingDaysPerYear.squareRoot() }
        sharpe = returns.sharpe(riskFreeDaily: riskFreeDaily)
        sortino = returns.sortino(riskFreeDaily: riskFreeDaily)
        maxDrawdown = Metrics.drawdown(equity)

        let traded = fills.reduce(0.0) { $0 + $1.value.rupeesDouble }
        let averageEquity = equity.isEmpty ? 0 : equity.reduce(0.0) { $0 + $1.equity.rupeesDouble } / Double(equity.count)
        turnover = averageEquity > 0 ? traded / averageEquity : nil
        trades = fills.count
        hitRate = roundTrips.isEmpty ? nil : Double(roundTrips.filter { $0.netPnL > .zero }.count) / Double(roundTrips.count)
        riskFreeRate = settings.riskFreeRate
        self.settings = settings
    }

    /// The excess return's t as the reports print it, with what it means.
    public var excessTDescription: String { ReportFormat.excessT(excessTStat) }

    static func drawdown(_ equity: [EquityPoint]) -> Drawdown {
        var worst = Drawdown(value: 0, peakDate: nil, troughDate: nil)
        guard var peak = equity.first else { return worst }
        for point in equity {
            if point.equity > peak.equity { peak = point }
            let fall = 1 - point.equity.rupeesDouble / peak.equity.rupeesDouble
            if fall > worst.value { worst = Drawdown(value: fall, peakDate: peak.date, troughDate: point.date) }
        }
        return worst
    }
}

/// Simple daily returns of an equity series.
struct DailyReturns {
    let values: [Double]

    init(_ equity: [Double]) {
        values = zip(equity, equity.dropFirst()).map { $1 / $0 - 1 }
    }

    init(values: [Double]) {
        self.values = values
    }

    /// mean / (sd / sqrt(n)); nil with fewer than two values or none of them different.
    var tStat: Double? {
        guard let mean, let sd = standardDeviation, sd > 0 else { return nil }
        return mean / (sd / Double(values.count).squareRoot())
    }

    var mean: Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    /// Sample standard deviation (n - 1); nil with fewer than two returns.
    var standardDeviation: Double? {
        guard values.count > 1, let mean else { return nil }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }

    func sharpe(riskFreeDaily: Double) -> Double? {
        guard let mean, let sd = standardDeviation, sd > 0 else { return nil }
        return (mean - riskFreeDaily) / sd * Metrics.tradingDaysPerYear.squareRoot()
    }

    /// Downside deviation: root mean square of the shortfalls below the risk-free rate, over all days.
    func sortino(riskFreeDaily: Double) -> Double? {
        guard let mean, !values.isEmpty else { return nil }
        let shortfall = values.reduce(0) { $0 + pow(min(0, $1 - riskFreeDaily), 2) } / Double(values.count)
        guard shortfall > 0 else { return nil }
        return (mean - riskFreeDaily) / shortfall.squareRoot() * Metrics.tradingDaysPerYear.squareRoot()
    }
}
