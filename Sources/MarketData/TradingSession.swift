/// When the exchange trades on one day: one or more segments of the day, in IST. NSE's regular
/// session is 09:15-15:30; a special session (Muhurat trading, a disaster-recovery drill) has
/// its own times, recorded in the calendar's data beside the day.
public struct TradingSession: Sendable, Equatable, CustomStringConvertible {
    /// Each segment as minutes after midnight IST, open (inclusive) to close (exclusive).
    public let segments: [Range<Int>]

    public init(segments: [Range<Int>]) {
        self.segments = segments
    }

    /// 09:15-15:30 IST: 375 minutes.
    public static let regular = TradingSession(segments: [(9 * 60 + 15)..<(15 * 60 + 30)])

    /// Bars the session has at `interval`: each segment holds ceil(minutes / bar minutes) bars
    /// (the last one short when the bar does not divide it: 13 thirty-minute bars a regular day).
    public func barCount(_ interval: Interval) -> Int {
        guard interval.isIntraday else { return 1 }
        let minutes = Int(interval.seconds / 60)
        return segments.reduce(0) { $0 + ($1.count + minutes - 1) / minutes }
    }

    /// Each bar's start, in seconds after midnight IST (daily: the one bar at 00:00).
    public func barStarts(_ interval: Interval) -> [Int64] {
        guard interval.isIntraday else { return [0] }
        let minutes = Int(interval.seconds / 60)
        return segments.flatMap { segment in stride(from: segment.lowerBound, to: segment.upperBound, by: minutes).map { Int64($0) * 60 } }
    }

    /// `09:15-15:30`, segments joined by `, `.
    public var description: String {
        segments.map { "\(Self.clock($0.lowerBound))-\(Self.clock($0.upperBound))" }.joined(separator: ", ")
    }

    static func clock(_ minutes: Int) -> String {
        CalendarDay.twoDigits(minutes / 60) + ":" + CalendarDay.twoDigits(minutes % 60)
    }

    /// Parses `HH:MM-HH:MM` (one segment); nil when malformed or empty.
    public static func segment(_ text: String) -> Range<Int>? {
        let ends = text.split(separator: "-").map { $0.split(separator: ":").compactMap { Int($0) } }
        guard ends.count == 2, ends.allSatisfy({ $0.count == 2 && (0..<24).contains($0[0]) && (0..<60).contains($0[1]) }) else { return nil }
        let open = ends[0][0] * 60 + ends[0][1], close = ends[1][0] * 60 + ends[1][1]
        return open < close ? open..<close : nil
    }
}
