/// LightGBM parameters in a fixed order, rendered as LightGBM's `key=value key=value` text.
/// Order is kept so the same parameters always give the same text (and the same model file).
public struct LightGBMParameters: Equatable, Sendable, CustomStringConvertible {
    public struct Entry: Equatable, Sendable {
        public let key: String
        public let value: String
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// Keys in sorted order (a dictionary has none of its own).
    public init(_ values: [String: String]) throws {
        for key in values.keys.sorted() { try set(key, values[key]!) }
    }

    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }

    /// Replaces the value of `key` where it stands, or appends it.
    public mutating func set(_ key: String, _ value: String) throws {
        try Self.validate(key: key, value: value)
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index] = Entry(key: key, value: value)
        } else {
            entries.append(Entry(key: key, value: value))
        }
    }

    public mutating func remove(_ key: String) {
        entries.removeAll { $0.key == key }
    }

    public var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
    }

    /// The text LightGBM's C API parses: entries separated by spaces.
    public var description: String {
        entries.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// LightGBM splits the text on whitespace and `=`, so neither may appear inside a key or value.
    static func validate(key: String, value: String) throws {
        guard !key.isEmpty, !key.contains(where: { $0.isWhitespace || $0 == "=" }) else {
            throw LightGBMError.invalidArgument("parameter name '\(key)' must be non-empty without spaces or '='")
        }
        guard !value.isEmpty, !value.contains(where: { $0.isWhitespace }) else {
            throw LightGBMError.invalidArgument("parameter \(key) has value '\(value)'; values must be non-empty without spaces")
        }
    }
}
