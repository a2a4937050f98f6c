/// Ascending sort of doubles by their bits, 11 bits at a time (least significant first). For
/// 7,000 probabilities the whole AUC takes 0.2-0.3 ms this way; `sort()` alone took 0.4-0.5 ms.
enum RadixSort {
    /// Order-preserving keys (`key(a) < key(b)` exactly when `a < b`) of `values`, ascending.
    /// No value may be NaN.
    static func sortedKeys(_ values: [Double]) -> [UInt64] {
        var keys = values.map(key)
        var sorted = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        counts.withUnsafeMutableBufferPointer { counts in
            for shift in stride(from: UInt64(0), to: 64, by: digitBits) {
                let moved = keys.withUnsafeBufferPointer { keys in
                    sorted.withUnsafeMutableBufferPointer { sorted in
                        pass(keys, into: sorted, digitAt: shift, counts: counts)
                    }
                }
                if moved { swap(&keys, &sorted) }
            }
        }
        return keys
    }

    private static let digitBits = 11

    /// One counting-sort pass of `keys` by their digit at `shift` into `sorted`; false (and
    /// nothing written) when every key has the same digit there, which leaves the order as it is
    /// (the top digits of probabilities mostly are).
    private static func pass(_ keys: UnsafeBufferPointer<UInt64>, into sorted: UnsafeMutableBufferPointer<UInt64>,
                             digitAt shift: UInt64, counts: UnsafeMutableBufferPointer<Int>) -> Bool {
        let mask = (1 << digitBits) - 1
        counts.update(repeating: 0)
        for k in keys { counts[Int(truncatingIfNeeded: k >> shift) & mask] += 1 }
        if counts.contains(keys.count) { return false }
        var next = 0
        for i in counts.indices { (counts[i], next) = (next, next + counts[i]) }
        for k in keys {
            let digit = Int(truncatingIfNeeded: k >> shift) & mask
            sorted[counts[digit]] = k
            counts[digit] += 1
        }
        return true
    }

    /// The bits of `x` with the sign flipped for positives and all bits flipped for negatives,
    /// so unsigned order is numeric order; -0 is taken as +0, which it equals.
    static func key(_ x: Double) -> UInt64 {
        let bits = (x + 0).bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }
}
