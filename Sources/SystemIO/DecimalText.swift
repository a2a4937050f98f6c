import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decimal text to `Double` through the C library's `strtod`, without building a `String`.
public enum DecimalText {
    /// nil for empty text, text of 64 bytes or more, or trailing garbage. NaN and infinities
    /// parse (the caller validates), so that an error can name them.
    @inlinable
    public static func parse(_ field: ArraySlice<UInt8>) -> Double? {
        guard !field.isEmpty, field.count < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: field.count + 1) { buf in
            for (k, b) in field.enumerated() { buf[k] = CChar(bitPattern: b) }
            buf[field.count] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let v = strtod(buf.baseAddress!, &end)
            return end == buf.baseAddress! + field.count ? v : nil
        }
    }
}
