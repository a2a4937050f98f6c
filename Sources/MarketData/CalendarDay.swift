import Foundation

/// A calendar day in India Standard Time (IST, UTC+05:30, no daylight saving).
/// Stored as days since 1970-01-01 so comparisons and arithmetic are integer operations.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.ordinal = CalendarDay.daysFromCivil(year, month, day)
    }

    /// Parses `YYYY-MM-DD` (exactly ten characters).
    public init?(_ text: some StringProtocol) {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45,
              let y = CalendarDay.digits(u, 0, 4), let m = CalendarDay.digits(u, 5, 2), let d = CalendarDay.digits(u, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The IST day that contains the instant `epochSeconds`.
    public init(containing epochSeconds: Int64) {
        let local = epochSeconds + IST.offsetSeconds
        self.ordinal = Int((local >= 0 ? local : local - 86_399) / 86_400)
    }

    public var components: (year: Int, month: Int, day: Int) { CalendarDay.civilFromDays(ordinal) }
    public var year: Int { components.year }

    /// 0 = Sunday ... 6 = Saturday.
    public var weekday: Int { ((ordinal % 7) + 11) % 7 }
    public var isWeekend: Bool { weekday == 0 || weekday == 6 }

    /// Midnight IST of this day as epoch seconds (how daily bars are stamped).
    public var startEpochSeconds: Int64 { Int64(ordinal) * 86_400 - IST.offsetSeconds }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }
    public func days(until other: CalendarDay) -> Int { other.ordinal - ordinal }

    /// `YYYY-MM-DD`, built without `String(format:)` (it is on every CSV row written).
    public var description: String {
        let c = components
        let year = String(c.year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + Self.twoDigits(c.month) + "-" + Self.twoDigits(c.day)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.ordinal < b.ordinal }

    /// Today in IST.
    public static func today(now: Date = Date()) -> CalendarDay {
        CalendarDay(containing: Int64(now.timeIntervalSince1970.rounded(.down)))
    }

    // Howard Hinnant's civil-calendar algorithms (proleptic Gregorian).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ u: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var v = 0
        for i in start..<(start + count) {
            let c = u[i]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }
}

extension CalendarDay: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(text)"))
        }
        self = day
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// An inclusive range of calendar days.
public struct DayRange: Hashable, Sendable, CustomStringConvertible, Codable {
    public var first: CalendarDay
    public var last: CalendarDay
    public init(_ first: CalendarDay, _ last: CalendarDay) { self.first = first; self.last = last }
    public var dayCount: Int { max(0, first.days(until: last) + 1) }
    public func contains(_ day: CalendarDay) -> Bool { first <= day && day <= last }
    public var days: [CalendarDay] { dayCount == 0 ? [] : (first.ordinal...last.ordinal).map(CalendarDay.init(ordinal:)) }
    public var description: String { "\(first)..\(last)" }
}

/// India Standard Time: a fixed +05:30 offset.
public enum IST {
    public static let offsetSeconds: Int64 = 19_800
    public static let timeZone = TimeZone(secondsFromGMT: 19_800)!

    /// `2024-01-02 09:15:00+05:30`, the original cache's timestamp format. Built without
    /// `String(format:)`, which otherwise costs more than everything else in `labels.csv`.
    public static func format(_ epochSeconds: Int64) -> String {
        let day = CalendarDay(containing: epochSeconds)
        let secs = Int(epochSeconds + offsetSeconds - Int64(day.ordinal) * 86_400)
        return "\(day) \(CalendarDay.twoDigits(secs / 3600)):\(CalendarDay.twoDigits(secs / 60 % 60)):\(CalendarDay.twoDigits(secs % 60))+05:30"
    }
}
