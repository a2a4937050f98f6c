import Breeze
import Foundation
import MarketData
import SyntheticMarket

/// One answer of the sandbox, independent of the HTTP server library.
struct SandboxAnswer: Sendable {
    var httpStatus = 200
    var body: String
    var contentType = "application/json"
    var retryAfter: String?
}

/// The sandbox's behaviour: session issue and checks, parameter validation, fault injection,
/// and candles from the configured source, answered the way Breeze answers.
final class SandboxService: Sendable {
    private let config: SandboxConfiguration
    private let source: SandboxBarSource
    private let sessions = SandboxSessions()
    let faults: FaultInjector
    let stopping = StopSignal()

    init(config: SandboxConfiguration) {
        self.config = config
        self.source = SandboxBarSource(bars: config.bars, mappings: config.mappings)
        self.faults = FaultInjector(plan: config.faults, seed: config.faultSeed)
    }

    func customerDetails(body: Data) async -> SandboxAnswer {
        await delayIfSlow()
        struct Login: Decodable { var SessionToken: String?; var AppKey: String? }
        guard let login = try? JSONDecoder().decode(Login.self, from: body) else {
            return SandboxAnswer(body: SandboxAnswers.failure(status: 500, "Unable to retrieve customer details at the moment. Please try again later."))
        }
        if login.AppKey != config.appKey { return SandboxAnswer(body: SandboxAnswers.failure(status: 500, "Public Key does not exist.")) }
        if let token = login.SessionToken, config.expiredSessionTokens.contains(token) {
            return SandboxAnswer(body: SandboxAnswers.failure(status: 500, "Resource not available."))
        }
        if login.SessionToken != config.sessionToken { return SandboxAnswer(body: SandboxAnswers.failure(status: 500, "Invalid session.")) }
        return SandboxAnswer(body: SandboxAnswers.customerDetails(sessionToken: await sessions.issue()))
    }

    func historicalCharts(query: [String: String], sessionHeader: String?, apiKeyHeader: String?, requestKey: String) async -> SandboxAnswer {
        await delayIfSlow()
        guard apiKeyHeader == config.appKey, await sessions.isValid(headerToken: sessionHeader) else {
            return SandboxAnswer(body: SandboxAnswers.failure(status: 401, "Invalid session key. Generate a new session."))
        }
        let params: HistoricalParams
        do {
            params = try HistoricalParams(query: query)
        } catch {
            return SandboxAnswer(body: SandboxAnswers.failure(status: 400, (error as? HistoricalParams.Invalid)?.message ?? "\(error)"))
        }
        switch await faults.decide(requestKey: requestKey) {
        case .quota: return SandboxAnswer(body: SandboxAnswers.quota)
        case .rateLimit:
            return SandboxAnswer(httpStatus: 429, body: SandboxAnswers.failure(status: 429, "Too many requests: rate limit exceeded"),
                                 retryAfter: Self.format(seconds: config.retryAfterSeconds))
        case .serverError: return SandboxAnswer(httpStatus: 503, body: "Service Unavailable", contentType: "text/plain")
        case .hang:
            await hang()
            return SandboxAnswer(httpStatus: 504, body: "Gateway Timeout", contentType: "text/plain")
        case .answer(let fault): return fault.answer(wouldSend: { candles(params) }, retryAfter: Self.format(seconds: config.retryAfterSeconds))
        case .none: break
        }
        return candles(params)
    }

    private func candles(_ p: HistoricalParams) -> SandboxAnswer {
        guard let interval = p.interval, p.exchangeCode == "NSE", let symbol = source.symbol(forCode: p.stockCode) else {
            return SandboxAnswer(body: SandboxAnswers.empty)
        }
        let days = DayRange(CalendarDay(containing: p.from), CalendarDay(containing: p.to))
        let series: BarSeries
        do {
            series = try source.bars(symbol: symbol, interval: interval, range: days)
        } catch {
            return SandboxAnswer(httpStatus: 500, body: "sandbox cache unreadable: \(error)", contentType: "text/plain")
        }
        let cut = Self.partialCut(series, symbol: symbol, interval: interval, faults: config.faults.partial)
        let kept = (0..<series.count).filter { i in
            let ts = series.timestamps[i]
            return ts >= p.from && ts <= p.to && !cut.contains(i)
                && !config.faults.empty.contains { $0.covers(symbol: symbol, day: CalendarDay(containing: ts)) }
        }
        guard !kept.isEmpty else { return SandboxAnswer(body: SandboxAnswers.empty) }
        // Like Breeze: more than the cap answers only the last `maxCandles` candles.
        let visible = kept.suffix(config.maxCandles)
        let selected = visible.count == kept.count && kept.last! - kept.first! + 1 == kept.count
            ? series.sliceIndices(kept.first!..<(kept.last! + 1))
            : BarSeries(bars: visible.map { series[$0] })
        return SandboxAnswer(body: SandboxAnswers.candles(selected, range: 0..<selected.count, stockCode: p.stockCode,
                                                          numbersAsStrings: config.numbersAsStrings))
    }

    /// Positions of the bars a `partial` fault withholds: the second half of each such day.
    static func partialCut(_ series: BarSeries, symbol: String, interval: Interval, faults: [SyntheticGap]) -> Set<Int> {
        guard interval.isIntraday, !faults.isEmpty else { return [] }
        let byDay = Dictionary(grouping: 0..<series.count) { CalendarDay(containing: series.timestamps[$0]) }
        var cut = Set<Int>()
        for (day, positions) in byDay where faults.contains(where: { $0.covers(symbol: symbol, day: day) }) {
            cut.formUnion(positions.sorted().dropFirst(positions.count / 2))
        }
        return cut
    }

    private func delayIfSlow() async {
        if config.faults.slowMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(config.faults.slowMilliseconds)) }
    }

    /// Holds the answer for `hangDuration`, or until the server stops (so stop is never blocked).
    private func hang() async {
        let deadline = ContinuousClock.now + config.hangDuration
        while ContinuousClock.now < deadline, await !stopping.isSet {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

actor StopSignal {
    private(set) var isSet = false
    func set() { isSet = true }
}
