/// SplitMix64: a small seeded generator, so every shuffle, synthetic series and injected fault
/// is the same on every platform and run. Expands one 64-bit seed into well-mixed words.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Fisher-Yates, spelled out so the order never depends on the standard library's algorithm.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var out = items
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            out.swapAt(i, Int(next() % UInt64(i + 1)))
        }
        return out
    }

    /// A 64-bit key for a sequence of values (seed, symbol hash, day ...).
    public static func mix(_ values: UInt64...) -> UInt64 {
        var s = SplitMix64(state: 0x5EED_5EED_5EED_5EED)
        var out: UInt64 = 0
        for v in values {
            s.state ^= v
            out = s.next()
        }
        return out
    }

    /// FNV-1a of the text's UTF-8 bytes: stable across runs and platforms (unlike `hashValue`).
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
