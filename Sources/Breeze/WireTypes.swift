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
struct BreezeEnvelope<Payload: Decodable>: Decodable {
    var success: Payload?
    var status: Int?
    var error: String?

    enum CodingKeys: String, CodingKey {
        case success = "Success", status = "Status", error = "Error"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.lenientInt(.status)
        error = try? c.decodeIfPresent(String.self, forKey: .error)
        // Breeze sends `null`, `""` or `[]` for "nothing"; only a real payload decodes.
        if let text = try? c.decodeIfPresent(String.self, forKey: .success), text.isEmpty {
            success = nil
        } else {
            success = try c.decodeIfPresent(Payload.self, forKey: .success)
        }
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
