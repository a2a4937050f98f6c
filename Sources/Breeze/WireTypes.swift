import Foundation

/// One candle of a `historicalcharts` v2 answer. Prices and volume may arrive as numbers or strings.
public struct BreezeCandle: Decodable, Sendable, Equatable {
    public var datetime: String
    public var stockCode: String?
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    enum CodingKeys: String, CodingKey {
        case datetime, open, high, low, close, volume
        case stockCode = "stock_code"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        datetime = try c.decode(String.self, forKey: .datetime)
        stockCode = try c.decodeIfPresent(String.self, forKey: .stockCode)
        func price(_ key: CodingKeys) throws -> Double {
            guard let v = try c.lenientDouble(key) else {
                throw DecodingError.valueNotFound(Double.self, .init(codingPath: c.codingPath + [key], debugDescription: "missing \(key.rawValue)"))
            }
            return v
        }
        open = try price(.open); high = try price(.high); low = try price(.low); close = try price(.close)
        volume = try c.lenientDouble(.volume) ?? 0
    }
}

/// The body-status envelope every Breeze answer uses: `{"Success": ..., "Status": 200, "Error": null}`.
/// Decoding fails only when the envelope itself is unreadable (not a JSON object, no whole-number
/// `Status`); a `Success` that does not decode is kept as `.unreadable`, so the `Status` still speaks.
struct BreezeEnvelope<Payload: Decodable>: Decodable {
    enum Content {
        case missing
        /// `null`, `""` or `[]`: Breeze's ways of sending nothing.
        case empty
        case value(Payload)
        case unreadable(String)
    }

    var success: Content
    var status: Int
    var error: String?

    enum CodingKeys: String, CodingKey {
        case success = "Success", status = "Status", error = "Error"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let status = try c.lenientInt(.status) else {
            throw DecodingError.valueNotFound(Int.self, .init(codingPath: [CodingKeys.status], debugDescription: "no Status"))
        }
        self.status = status
        error = try? c.decodeIfPresent(String.self, forKey: .error)
        success = Self.content(c)
    }

    private static func content(_ c: KeyedDecodingContainer<CodingKeys>) -> Content {
        guard c.contains(.success) else { return .missing }
        if (try? c.decodeNil(forKey: .success)) == true { return .empty }
        if let text = try? c.decode(String.self, forKey: .success), text.isEmpty { return .empty }
        if let list = try? c.nestedUnkeyedContainer(forKey: .success), list.count == 0 { return .empty }
        do {
            return .value(try c.decode(Payload.self, forKey: .success))
        } catch {
            return .unreadable(Self.describe(error))
        }
    }

    /// Where and why a payload failed to decode (`Success[3].open: not a number: abc`); it may
    /// quote the body, so the classifier scrubs and shortens it.
    private static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let (path, why): ([CodingKey], String) = switch error {
        case .keyNotFound(let key, let c): (c.codingPath + [key], "missing")
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): (c.codingPath, c.debugDescription)
        @unknown default: ([], "\(error)")
        }
        let at = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return "\(at.dropFirst()): \(why)"
    }
}

/// The part of a `customerdetails` answer the client needs.
struct CustomerDetails: Decodable {
    /// base64 of `user_id:session_key`.
    var sessionToken: String

    enum CodingKeys: String, CodingKey { case sessionToken = "session_token" }
}

/// The body `customerdetails` expects (compact JSON, these two keys, in this order, as the SDK sends it).
public enum CustomerDetailsBody {
    public static func json(sessionToken: String, appKey: String) -> String {
        "{\"SessionToken\":\(jsonString(sessionToken)),\"AppKey\":\(jsonString(appKey))}"
    }

    static func jsonString(_ s: String) -> String {
        let data = try! JSONEncoder().encode(s)
        return String(decoding: data, as: UTF8.self)
    }
}
