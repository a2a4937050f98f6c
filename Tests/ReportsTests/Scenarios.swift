import Batch
import Foundation
import MarketData

/// The ledgers the golden tests render.
enum Scenarios {
    static let seedMissing = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]
    static let seedTrained = [
        "ABB", "ADANIENSOL", "ADANIENT", "ADANIGREEN", "ADANIPORTS", "ADANIPOWER", "AMBUJACEM", "APOLLOHOSP", "ASIANPAINT",
        "ATGL", "AXISBANK", "BAJAJ-AUTO", "BAJAJFINSV", "BAJAJHLDNG", "BAJFINANCE", "BANKBARODA", "BEL", "BHARTIARTL", "BHEL",
        "BOSCHLTD", "BPCL", "BRITANNIA", "CANBK", "CHOLAFIN", "CIPLA", "COALINDIA", "DABUR", "DIVISLAB", "DLF", "DMART",
        "DRREDDY", "EICHERMOT", "GAIL", "GODREJCP", "GRASIM", "HAL", "HAVELLS", "HCLTECH", "HDFCBANK", "HDFCLIFE",
        "HEROMOTOCO", "HINDALCO", "HINDUNILVR", "ICICIBANK", "ICICIGI", "ICICIPRULI", "INDIGO", "INDUSINDBK", "INFY", "IOC",
        "IRCTC", "IRFC", "ITC", "JINDALSTEL", "JIOFIN", "JSWENERGY", "JSWSTEEL", "KOTAKBANK", "LICI", "LODHA", "LT", "LTIM",
        "M&M", "MARUTI", "MOTHERSON", "NAUKRI", "NHPC", "PFC", "PIDILITIND", "PNB", "RECLTD", "RELIANCE", "SBILIFE",
        "SHREECEM", "SHRIRAMFIN", "SIEMENS", "TATACONSUM", "TATAPOWER", "TATASTEEL", "TCS", "TECHM", "TITAN", "TORNTPHARM",
        "TRENT", "TVSMOTOR", "ULTRACEMCO", "UNIONBANK", "UNITDSPR",
    ]
    static let seedWindowLabels = ["2024-01-01_to_2024-06-29", "2024-06-29_to_2024-12-26"]
    /// The fetch each missing window's preflight recorded: warm-up before, look-ahead after; they overlap.
    static let seedFetchRanges = [("2023-10-09", "2024-07-15"), ("2024-04-02", "2025-01-09")]

    static func seedParameters() -> BatchParameters {
        BatchParameters(startDate: CalendarDay("2024-01-01")!, endDate: CalendarDay("2024-12-26")!,
                        lightgbmOverrides: ["num_leaves": "255", "n_estimators": "1000", "gpu_use_dp": "true"])
    }

    /// 96 symbols × 2 windows; the 8 seed symbols skipped as dataMissing, the rest trained.
    /// Every 23rd trained window has `val_auc: null`.
    static func seed() throws -> LedgerFixture {
        let symbols = (seedTrained + seedMissing).sorted()
        return try LedgerFixture(batchId: "batch_20251101_173530", symbols: symbols, parameters: seedParameters(),
                                 status: .completed, workers: 2, durationSeconds: 1.75, logPath: nil) { symbol, window in
            if seedMissing.contains(symbol) {
                let (start, end) = seedFetchRanges[window]
                return FixtureWindow(status: .skipped, failureClass: .dataMissing, reason: "No data returned for \(symbol)",
                                     remedy: .fetch(FetchRemedy(symbols: [symbol], range: DayRange(CalendarDay(start)!, CalendarDay(end)!))))
            }
            let k = symbols.firstIndex(of: symbol)! * 2 + window
            let duration = 0.004 + Double(k % 9) * 0.0005
            let auc = k % 23 == 5 ? "null" : String(format: "%.2f", 0.40 + Double((k * 7) % 41) * 0.01)
            return FixtureWindow(status: .success, durationSeconds: duration,
                                 metrics: #"{"train_accuracy":0.91,"val_accuracy":0.62,"val_auc":\#(auc),"val_f1":0.5,"val_precision":0.5,"val_recall":0.5}"#,
                                 attempts: [FixtureAttempt(failureClass: nil, reason: nil, durationSeconds: duration)])
        }
    }

    static let retrySymbols = ["HDFCBANK", "INFY", "RELIANCE", "TCS"]
    static let modelErrorReason = "LightGBM rejected the training data for INFY_2024-01-01_to_2024-06-29: [LightGBM] [Fatal] Check failed: (num_data) > (0)"

    static func http503(_ symbol: String) -> String { "Breeze historical request for \(symbol) failed: HTTP 503 (Service Unavailable)" }
    static func timeout(_ symbol: String) -> String { "Breeze historical request for \(symbol) timed out after 30 s" }

    /// 4 symbols × 2 windows: RELIANCE W1 is transient then success, TCS W2 is transient,
    /// transient, success; INFY W1 fails with a modelError; HDFCBANK W2 has `val_auc: null`
    /// and RELIANCE W2 has no `val_auc` at all.
    static func retries() throws -> LedgerFixture {
        try LedgerFixture(batchId: "batch_20251102_090000", symbols: retrySymbols,
                          parameters: BatchParameters(startDate: CalendarDay("2024-01-01")!, endDate: CalendarDay("2024-12-26")!),
                          status: .partial, workers: 4, durationSeconds: 7.5, logPath: "logs/train_20251102_090000.log") { symbol, window in
            let ok = FixtureAttempt(failureClass: nil, reason: nil, durationSeconds: 0.01)
            let metrics = #"{"train_accuracy":0.9,"val_accuracy":0.6,"val_auc":0.61,"val_f1":0.4}"#
            switch (symbol, window) {
            case ("RELIANCE", 0):
                return FixtureWindow(status: .success, durationSeconds: 0.01, metrics: metrics, attempts: [
                    FixtureAttempt(failureClass: .transient, reason: http503(symbol), durationSeconds: 0.02), ok])
            case ("TCS", 1):
                return FixtureWindow(status: .success, durationSeconds: 0.01, metrics: #"{"val_auc":0.7}"#, attempts: [
                    FixtureAttempt(failureClass: .transient, reason: http503(symbol), durationSeconds: 0.03),
                    FixtureAttempt(failureClass: .transient, reason: timeout(symbol), durationSeconds: 30), ok])
            case ("INFY", 0):
                return FixtureWindow(status: .failed, failureClass: .modelError, reason: modelErrorReason, durationSeconds: 0.05,
                                     attempts: [FixtureAttempt(failureClass: .modelError, reason: modelErrorReason, durationSeconds: 0.05)])
            case ("HDFCBANK", 1):
                return FixtureWindow(status: .success, durationSeconds: 0.02, metrics: #"{"val_accuracy":0.5,"val_auc":null}"#, attempts: [ok])
            case ("RELIANCE", 1):
                return FixtureWindow(status: .success, durationSeconds: 0.02, metrics: #"{"val_accuracy":0.5}"#, attempts: [ok])
            default:
                return FixtureWindow(status: .success, durationSeconds: 0.03, metrics: #"{"val_auc":0.55}"#, attempts: [ok])
            }
        }
    }
}
