import Foundation
import Testing
import Backtest

private let backtester = Backtester(schedule: try! CostSchedule.bundled())

private func outputs(_ result: BacktestResult) throws -> [String] {
    [CSVOutput.fills(result.fills), CSVOutput.equity(result.equity),
     String(decoding: try MetricsJSON.encode(result.metrics), as: UTF8.self),
     MarkdownReport.render(result), HTMLReport.render(result)]
}

@Suite("Outputs")
struct OutputTests {
    @Test func sameInputsGiveByteIdenticalOutputsWhateverTheSignalOrder() throws {
        let market = RandomMarket(seed: 7, symbols: 30, days: 120)
        let signals = market.randomSignals(seed: 7)
        var rng = SeededGenerator(seed: 99)
        let first = try outputs(backtester.run(signals: signals, prices: market.prices, settings: BacktestSettings()))
        let second = try outputs(backtester.run(signals: signals.shuffled(using: &rng), prices: market.prices, settings: BacktestSettings()))
        #expect(first == second)
    }

    @Test func metricsJSONIsSnakeCaseWithNullsPresent() throws {
        let market = RandomMarket(seed: 3, symbols: 5, days: 3)
        let result = try backtester.run(signals: [], prices: market.prices, settings: BacktestSettings())
        let json = String(decoding: try MetricsJSON.encode(result.metrics), as: UTF8.self)
        for key in ["gross_return", "net_return", "benchmark_return", "excess_return", "total_charges", "charges_by_kind",
                    "exchange_txn", "annualised_return", "annualised_volatility", "sharpe", "sortino", "max_drawdown",
                    "peak_date", "trough_date", "turnover", "trades", "hit_rate", "risk_free_rate", "settings", "top_k"] {
            #expect(json.contains("\"\(key)\""), "missing \(key)")
        }
        #expect(json.contains("\"hit_rate\" : null"))
        #expect(json.contains("\"peak_date\" : null"))
    }

    @Test func csvAndReportsHaveTheDocumentedShape() throws {
        let market = RandomMarket(seed: 11, symbols: 10, days: 40)
        let result = try backtester.run(signals: market.randomSignals(seed: 11), prices: market.prices, settings: BacktestSettings(topK: 3))
        let fills = CSVOutput.fills(result.fills).split(separator: "\n")
        #expect(fills.first == "date,signal_date,symbol,side,quantity,price,value,brokerage,stt,exchange_txn,sebi,stamp,gst,dp,total_charges")
        #expect(fills.count == result.fills.count + 1)
        #expect(fills.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 15 })
        let equity = CSVOutput.equity(result.equity).split(separator: "\n")
        #expect(equity.first == "date,cash,holdings_value,equity,benchmark_equity")
        #expect(equity.count == 41)
        let html = HTMLReport.render(result)
        #expect(html.contains("<svg") && html.contains("<polyline") && html.contains("<style>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="), "self-contained")
        #expect(MarkdownReport.render(result).contains("| exchange_txn |"))
    }
}
