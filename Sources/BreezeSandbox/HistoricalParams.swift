import Breeze
import MarketData

/// The validated query of a `historicalcharts` request. Messages follow the official SDK's wording.
struct HistoricalParams {
    struct Invalid: Error { var message: String }
    static let intervalNames = ["1second", "1minute", "5minute", "30minute", "1day"]
    static let exchangeCodes = ["nse", "bse", "nfo", "ndx", "mcx", "bfo"]

    /// nil for `1second`, which is valid but not served.
    var interval: Interval?
    var from: Int64
    var to: Int64
    var stockCode: String
    var exchangeCode: String

    init(query: [String: String]) throws {
        func required(_ name: String, _ label: String) throws -> String {
            guard let v = query[name], !v.isEmpty else { throw Invalid(message: "\(label) cannot be empty") }
            return v
        }
        let intervalName = try required("interval", "Interval").lowercased()
        guard Self.intervalNames.contains(intervalName) else {
            throw Invalid(message: "Interval should be either '1second','1minute', '5minute', '30minute', or '1day'")
        }
        let exchange = try required("exch_code", "Exchange-Code")
        guard Self.exchangeCodes.contains(exchange.lowercased()) else {
            throw Invalid(message: "Exchange-Code should be either 'nse', 'bse' ,'nfo', 'ndx', 'mcx' or 'bfo'")
        }
        let fromText = try required("from_date", "From-Date"), toText = try required("to_date", "To-Date")
        stockCode = try required("stock_code", "Stock-Code")
        guard let from = BreezeTimestamp.parseWallClock(fromText), let to = BreezeTimestamp.parseWallClock(toText) else {
            throw Invalid(message: "From-Date and To-Date must look like 2024-01-02T00:00:00.000Z")
        }
        guard from <= to else { throw Invalid(message: "From-Date must not be after To-Date") }
        self.interval = Interval(rawValue: intervalName)
        self.from = from
        self.to = to
        self.exchangeCode = exchange.uppercased()
    }
}
