import AsyncHTTPClient
import Foundation
import MarketData
import NIOCore
import NIOHTTP1

/// The Breeze historical-data client: one session per client, requests exactly as the official
/// SDK sends them. Uses the process-wide `HTTPClient.shared` unless given another client
/// (whose owner shuts it down).
public actor BreezeClient {
    public nonisolated let endpoints: BreezeEndpoints
    public nonisolated let requestTimeout: Duration
    private let credentials: BreezeCredentials
    private let http: HTTPClient
    private let classifier: AnswerClassifier
    private var session: Task<BreezeSession, Error>?

    public init(
        credentials: BreezeCredentials,
        endpoints: BreezeEndpoints = .production,
        requestTimeout: Duration = .seconds(30),
        httpClient: HTTPClient = .shared
    ) {
        self.credentials = credentials
        self.endpoints = endpoints
        self.requestTimeout = requestTimeout
        self.http = httpClient
        self.classifier = AnswerClassifier(redactor: SecretRedactor(secrets: credentials.secretValues))
    }

    /// Exchanges the session token for a session (`customerdetails`). Called on first use;
    /// call it directly to check credentials before planning work.
    public func connect() async throws {
        _ = try await currentSession()
    }

    /// Candles of `stockCode` for every bar in `days` (first 00:00:00 to last 23:59:59 IST).
    /// Throws `BreezeError.noData` for an empty answer: an empty result is never returned.
    public func historicalBars(
        stockCode: String, interval: Interval, days: DayRange, exchangeCode: String = "NSE"
    ) async throws -> BarSeries {
        let candles = try await historicalCandles(stockCode: stockCode, interval: interval, days: days, exchangeCode: exchangeCode)
        var bars: [Bar] = []
        bars.reserveCapacity(candles.count)
        for candle in candles {
            guard let ts = BreezeTimestamp.parseWallClock(candle.datetime) else {
                throw BreezeError.malformedAnswer("unreadable candle datetime \(candle.datetime)")
            }
            bars.append(Bar(timestamp: ts, open: candle.open, high: candle.high, low: candle.low, close: candle.close, volume: candle.volume))
        }
        return BarSeries(bars: bars)
    }

    public func historicalCandles(
        stockCode: String, interval: Interval, days: DayRange, exchangeCode: String = "NSE"
    ) async throws -> [BreezeCandle] {
        let session = try await currentSession()
        let query = HistoricalQuery(
            interval: interval.breezeName,
            fromDate: BreezeTimestamp.requestDate(days.first, endOfDay: false),
            toDate: BreezeTimestamp.requestDate(days.last, endOfDay: true),
            stockCode: stockCode, exchangeCode: exchangeCode, productType: "cash"
        )
        var request = HTTPClientRequest(url: endpoints.historicalChartsURL + "?" + query.encoded)
        request.method = .GET
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-SessionToken", value: session.headerToken)
        request.headers.add(name: "apikey", value: credentials.apiKey)
        let answer = try await send(request)
        do {
            return try classifier.candles(from: answer)
        } catch BreezeError.auth(let problem, let message) {
            self.session = nil  // a refused session is not reused; the next call logs in again
            throw BreezeError.auth(problem, serverMessage: message)
        }
    }

    private func currentSession() async throws -> BreezeSession {
        if let session { return try await session.value }
        let task = Task { try await self.requestSession() }
        session = task
        do {
            return try await task.value
        } catch {
            session = nil
            throw error
        }
    }

    private func requestSession() async throws -> BreezeSession {
        var request = HTTPClientRequest(url: endpoints.customerDetailsURL)
        request.method = .GET
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: CustomerDetailsBody.json(sessionToken: credentials.sessionToken, appKey: credentials.apiKey)))
        return try classifier.session(from: try await send(request))
    }

    private func send(_ request: HTTPClientRequest) async throws -> AnswerClassifier.HTTPAnswer {
        let (seconds, attoseconds) = requestTimeout.components
        let timeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        do {
            let response = try await http.execute(request, timeout: timeout)
            let body = try await response.body.collect(upTo: 64 << 20)
            return .init(status: Int(response.status.code), retryAfter: response.headers.first(name: "Retry-After"), body: Data(body.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw BreezeError.transient("no answer within \(requestTimeout)")
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as BreezeError {
            throw error
        } catch {
            throw BreezeError.transient(classifier.redactor.scrub("connection failed: \(error)"))
        }
    }
}

/// The v2 query, in the order and encoding the official SDK (Python `requests`) produces.
struct HistoricalQuery {
    var interval, fromDate, toDate, stockCode, exchangeCode, productType: String

    var encoded: String {
        [("interval", interval), ("from_date", fromDate), ("to_date", toDate),
         ("stock_code", stockCode), ("exch_code", exchangeCode), ("product_type", productType)]
            .map { "\($0)=\(Self.percentEncode($1))" }
            .joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func percentEncode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}
