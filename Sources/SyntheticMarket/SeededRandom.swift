import Foundation

/// SplitMix64 (public: the sandbox seeds its fault decisions with it): expands one 64-bit seed into well-mixed words (seeds xoshiro, hashes keys).
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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

    /// FNV-1a of the symbol's UTF-8 bytes: stable across runs and platforms (unlike `hashValue`).
    public static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// xoshiro256**: the deterministic generator of every synthetic series.
struct Xoshiro256: RandomNumberGenerator {
    private var s0, s1, s2, s3: UInt64
    private var spareNormal: Double?

    init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Standard normal (Box–Muller; the second value of each pair is kept for the next call).
    mutating func normal() -> Double {
        if let spare = spareNormal { spareNormal = nil; return spare }
        let u1 = max(uniform(), 1e-300), u2 = uniform()
        let r = (-2 * log(u1)).squareRoot()
        spareNormal = r * sin(2 * .pi * u2)
        return r * cos(2 * .pi * u2)
    }
}
