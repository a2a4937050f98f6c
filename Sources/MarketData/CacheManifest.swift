import Foundation

/// Where a cached day's bars came from. Synthetic data never mixes with real data.
public enum DataSource: String, Codable, Sendable {
    case breeze
    case `import`
    case synthetic

    public var isReal: Bool { self != .synthetic }
}

/// What the cache knows about one day of one symbol and interval.
public struct DayRecord: Codable, Equatable, Sendable {
    /// Bars stored for the day; 0 records a day the provider answered with no bars.
    public var rows: Int
    public var source: DataSource
    public var fetchedAt: Date
    /// sha256 of the day file's bytes (empty when `rows` is 0 and no file was written).
    public var sha256: String

    enum CodingKeys: String, CodingKey {
        case rows, source, sha256
        case fetchedAt = "fetched_at"
    }
}

/// `manifest.json` beside a symbol's day files: per day, rows, source, fetch time and checksum.
public struct CacheManifest: Codable, Equatable, Sendable {
    public var symbol: String
    public var interval: Interval
    public var days: [CalendarDay: DayRecord]

    public init(symbol: String, interval: Interval, days: [CalendarDay: DayRecord] = [:]) {
        self.symbol = symbol
        self.interval = interval
        self.days = days
    }

    public func hasDay(_ day: CalendarDay) -> Bool { days[day] != nil }

    /// The one source class of the manifest's data, if it has any data.
    public var sourceClass: DataSource? {
        days.values.first.map { $0.source.isReal ? .breeze : .synthetic }
    }

    enum CodingKeys: String, CodingKey { case symbol, interval, days }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        symbol = try c.decode(String.self, forKey: .symbol)
        interval = try c.decode(Interval.self, forKey: .interval)
        let raw = try c.decode([String: DayRecord].self, forKey: .days)
        var days: [CalendarDay: DayRecord] = [:]
        for (key, record) in raw {
            guard let day = CalendarDay(key) else {
                throw DecodingError.dataCorruptedError(forKey: .days, in: c, debugDescription: "bad day key \(key)")
            }
            days[day] = record
        }
        self.days = days
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(interval, forKey: .interval)
        try c.encode(Dictionary(uniqueKeysWithValues: days.map { ($0.key.description, $0.value) }), forKey: .days)
    }
}
