import Foundation

/// A finite number that Breeze may send as a JSON number or as a string (`"2450.5"`, `""`).
struct LenientDouble: Decodable {
    let value: Double?

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { value = nil; return }
        if let d = try? c.decode(Double.self) { value = d; return }
        let text = try c.decode(String.self).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { value = nil; return }
        // `Double("nan")` and `Double("1e999")` succeed; neither is a price.
        guard let d = Double(text), d.isFinite else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a number: \(text)")
        }
        value = d
    }
}

extension KeyedDecodingContainer {
    func lenientDouble(_ key: Key) throws -> Double? {
        try decodeIfPresent(LenientDouble.self, forKey: key)?.value
    }

    /// A whole number; `2.5` or `1e30` is an error, not a trap.
    func lenientInt(_ key: Key) throws -> Int? {
        guard let d = try lenientDouble(key) else { return nil }
        guard let i = Int(exactly: d) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a whole number: \(d)")
        }
        return i
    }
}

