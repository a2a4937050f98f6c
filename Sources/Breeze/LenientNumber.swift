import Foundation

/// A number that Breeze may send as a JSON number or as a string (`"2450.5"`, `""`).
struct LenientDouble: Decodable {
    let value: Double?

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = nil; return }
        if let d = try? c.decode(Double.self) { value = d; return }
        let text = try c.decode(String.self).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { value = nil; return }
        guard let d = Double(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a number: \(text)")
        }
        value = d
    }
}

extension KeyedDecodingContainer {
    func lenientDouble(_ key: Key) throws -> Double? {
        try decodeIfPresent(LenientDouble.self, forKey: key)?.value
    }

    func lenientInt(_ key: Key) throws -> Int? {
        try lenientDouble(key).map { Int($0) }
    }
}

