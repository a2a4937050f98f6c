/// Text built straight into UTF-8 bytes, for large generated files (a window's `labels.csv`).
/// `Double.write(to:)` into it gives the same digits as `"\(value)"` (the shortest text that
/// reads back to the same value) without making a `String` per number.
public struct ByteText: TextOutputStream {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// The standard library's numbers write their ASCII digits through this requirement;
    /// without it each number would first become a `String`.
    public mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    public mutating func write(byte: UInt8) {
        bytes.append(byte)
    }

    /// `value` as `"\(value)"` would print it.
    public mutating func write(_ value: Double) {
        value.write(to: &self)
    }

    public mutating func write(_ value: Int) {
        write(String(value))
    }
}
