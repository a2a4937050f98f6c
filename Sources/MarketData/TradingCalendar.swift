import Foundation

/// A date the calendar cannot answer for: it only knows the years its data file covers.
public enum CalendarError: ClassifiedError, Equatable {
    case outOfRange(CalendarDay, covered: ClosedRange<Int>)

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        switch self {
        case let .outOfRange(day, covered):
            "\(day) is outside the NSE trading calendar, which covers \(covered.lowerBound)-\(covered.upperBound) only"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case let .outOfRange(_, covered):
            .advice("use dates from \(covered.lowerBound)-01-01 to \(covered.upperBound)-12-31")
        }
    }
}

/// NSE trading days: weekdays that are not exchange holidays, plus special sessions.
///
/// A special session (Muhurat trading on Diwali, a Saturday budget or disaster-recovery
/// session) counts as a trading day even on a weekend or a holiday, because bars exist for it.
/// Answers are precomputed per day of the covered years, so queries are array lookups.
public struct TradingCalendar: Sendable {
    public let coveredYears: ClosedRange<Int>
    public let source: String

    private let firstDay: CalendarDay
    private let trading: [Bool]
    /// `tradingBefore[i]` = trading days among the first `i` covered days.
    private let tradingBefore: [Int32]
    private let closures: [CalendarDay: String]
    private let specialSessions: [CalendarDay: String]
    private let specialSessionTimes: [CalendarDay: TradingSession]

    /// The bundled NSE calendar (Resources/nse_calendar.json), loaded once per process.
    public static func nse() throws -> TradingCalendar {
        try bundledNSE.get()
    }

    // A static let is initialised exactly once, thread-safely, on first use.
    private static let bundledNSE: Result<TradingCalendar, Error> = Result {
        try TradingCalendar(json: BundledResource.data(named: "nse_calendar", extension: "json"))
    }

    /// Builds a calendar from a file in the bundled format (see Resources/nse_calendar.json).
    public init(json: Data) throws {
        let file: CalendarFile
        do {
            file = try JSONDecoder().decode(CalendarFile.self, from: json)
        } catch {
            throw BundledDataError(file: "nse_calendar.json", problem: "\(error)")
        }
        try self.init(file)
    }

    private init(_ file: CalendarFile) throws {
        guard file.coveredYears.count == 2, file.coveredYears[0] <= file.coveredYears[1],
              let first = CalendarDay(year: file.coveredYears[0], month: 1, day: 1),
              let last = CalendarDay(year: file.coveredYears[1], month: 12, day: 31)
        else { throw BundledDataError(file: "nse_calendar.json", problem: "covered_years must be [first, last]") }
        let covered = DayRange(first, last)
        let closed = try Self.index(file.closed, within: covered)
        let special = try Self.index(file.specialSessions, within: covered)
        if let both = closed.keys.first(where: { special[$0] != nil }) {
            throw BundledDataError(file: "nse_calendar.json", problem: "\(both) is listed both as closed and as a special session")
        }
        let flags = covered.days.map { day in special[day] != nil || (!day.isWeekend && closed[day] == nil) }
        var counts = [Int32](repeating: 0, count: flags.count + 1)
        for (i, isTrading) in flags.enumerated() { counts[i + 1] = counts[i] + (isTrading ? 1 : 0) }
        coveredYears = file.coveredYears[0]...file.coveredYears[1]
        source = file.source
        firstDay = first
        closures = closed
        specialSessions = special
        specialSessionTimes = try Self.sessionTimes(file.specialSessions)
        trading = flags
        tradingBefore = counts
    }

    private static func index(_ entries: [CalendarFile.Entry], within range: DayRange) throws -> [CalendarDay: String] {
        var out: [CalendarDay: String] = [:]
        for entry in entries {
            guard range.contains(entry.date) else {
                throw BundledDataError(file: "nse_calendar.json", problem: "\(entry.date) lies outside covered_years")
            }
            out[entry.date] = entry.name
        }
        return out
    }

    /// Every special session must say when it traded: its bar counts follow from that.
    private static func sessionTimes(_ entries: [CalendarFile.Entry]) throws -> [CalendarDay: TradingSession] {
        var out: [CalendarDay: TradingSession] = [:]
        for entry in entries {
            let segments = (entry.session ?? []).compactMap(TradingSession.segment)
            guard !segments.isEmpty, segments.count == entry.session?.count else {
                throw BundledDataError(file: "nse_calendar.json",
                                       problem: "special session \(entry.date) needs \"session\": [\"HH:MM-HH:MM\", ...], got \(entry.session ?? [])")
            }
            out[entry.date] = TradingSession(segments: segments)
        }
        return out
    }

    public func isTradingDay(_ day: CalendarDay) throws -> Bool {
        trading[try offset(of: day)]
    }

    /// Trading days of `range`, ascending; both ends must lie in the covered years.
    public func tradingDays(in range: DayRange) throws -> [CalendarDay] {
        guard range.dayCount > 0 else { return [] }
        let lo = try offset(of: range.first), hi = try offset(of: range.last)
        var out: [CalendarDay] = []
        out.reserveCapacity(Int(tradingBefore[hi + 1] - tradingBefore[lo]))
        for i in lo...hi where trading[i] { out.append(firstDay.adding(days: i)) }
        return out
    }

    public func tradingDayCount(in range: DayRange) throws -> Int {
        guard range.dayCount > 0 else { return 0 }
        let lo = try offset(of: range.first), hi = try offset(of: range.last)
        return Int(tradingBefore[hi + 1] - tradingBefore[lo])
    }

    /// The holiday's name when the exchange holds no session at all that day; nil otherwise,
    /// including weekends and holidays that have a special (e.g. Muhurat) session.
    public func closure(on day: CalendarDay) -> String? {
        closures[day]
    }

    public func isSpecialSession(_ day: CalendarDay) -> Bool {
        specialSessions[day] != nil
    }

    /// When the exchange traded on `day`: a special session's own times, else the regular
    /// session on a trading day; nil on a closed day or outside the covered years.
    public func session(on day: CalendarDay) -> TradingSession? {
        if let special = specialSessionTimes[day] { return special }
        return (try? isTradingDay(day)) == true ? .regular : nil
    }

    /// What the special session on `day` was (e.g. "Muhurat trading ..."), if there was one.
    public func specialSessionName(on day: CalendarDay) -> String? {
        specialSessions[day]
    }

    public func nextTradingDay(onOrAfter day: CalendarDay) throws -> CalendarDay {
        var i = try offset(of: day)
        while i < trading.count, !trading[i] { i += 1 }
        guard i < trading.count else { throw CalendarError.outOfRange(firstDay.adding(days: i), covered: coveredYears) }
        return firstDay.adding(days: i)
    }

    public func previousTradingDay(onOrBefore day: CalendarDay) throws -> CalendarDay {
        var i = try offset(of: day)
        while i >= 0, !trading[i] { i -= 1 }
        guard i >= 0 else { throw CalendarError.outOfRange(firstDay.adding(days: -1), covered: coveredYears) }
        return firstDay.adding(days: i)
    }

    private func offset(of day: CalendarDay) throws -> Int {
        let i = firstDay.days(until: day)
        guard i >= 0, i < trading.count else { throw CalendarError.outOfRange(day, covered: coveredYears) }
        return i
    }
}

/// The on-disk shape of Resources/nse_calendar.json.
private struct CalendarFile: Decodable {
    struct Entry: Decodable {
        let date: CalendarDay
        let name: String
        /// A special session's segments, `HH:MM-HH:MM` IST.
        let session: [String]?
    }

    let coveredYears: [Int]
    let source: String
    let closed: [Entry]
    let specialSessions: [Entry]

    enum CodingKeys: String, CodingKey {
        case coveredYears = "covered_years", source, closed, specialSessions = "special_sessions"
    }
}

extension TradingCalendar {
    /// The `n`th trading day after `day` (n >= 1). Outside the covered years, where sessions are
    /// unknown, it falls back to `n` calendar days rather than failing.
    public func tradingDay(_ n: Int, after day: CalendarDay) -> CalendarDay {
        let span = DayRange(day.adding(days: 1), day.adding(days: n * 2 + 30))
        guard n > 0, let days = try? tradingDays(in: span), days.count >= n else { return day.adding(days: n) }
        return days[n - 1]
    }

    /// The `n`th trading day before `day` (n >= 1), with the same fallback.
    public func tradingDay(_ n: Int, before day: CalendarDay) -> CalendarDay {
        let span = DayRange(day.adding(days: -(n * 2 + 30)), day.adding(days: -1))
        guard n > 0, let days = try? tradingDays(in: span), days.count >= n else { return day.adding(days: -n) }
        return days[days.count - n]
    }
}
