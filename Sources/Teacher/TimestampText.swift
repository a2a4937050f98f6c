import MarketData

/// `2024-01-02 00:00:00+05:30` (the cache's timestamp text, as `IST.format`), built without
/// `String(format:)`, which otherwise costs more than everything else in `labels.csv`.
enum TimestampText {
    static func ist(_ epochSeconds: Int64) -> String {
        let day = CalendarDay(containing: epochSeconds)
        let seconds = Int(epochSeconds + IST.offsetSeconds - Int64(day.ordinal) * 86_400)
        let (y, m, d) = day.components
        return "\(padded(y, 4))-\(padded(m, 2))-\(padded(d, 2)) "
            + "\(padded(seconds / 3600, 2)):\(padded(seconds / 60 % 60, 2)):\(padded(seconds % 60, 2))+05:30"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
