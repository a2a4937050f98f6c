import MarketData

/// Breeze's date formats. Every wall-clock time Breeze sends or reads is IST, whatever its
/// suffix says: `2024-01-02 09:15:00` in answers, `2024-01-02T09:15:00.000Z` in requests.
public enum BreezeTimestamp {
    /// `YYYY-MM-DDTHH:MM:SS.000Z` for the start (00:00:00) or end (23:59:59) of `day`.
    public static func requestDate(_ day: CalendarDay, endOfDay: Bool) -> String {
        "\(day)T\(endOfDay ? "23:59:59" : "00:00:00").000Z"
    }

    /// `2024-01-02 09:15:00` for an instant, in IST.
    public static func answerDateTime(_ epochSeconds: Int64) -> String {
        String(IST.format(epochSeconds).prefix(19))
    }

    /// Reads `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS[.fff][Z]` (or just `YYYY-MM-DD`)
    /// as IST wall-clock time, returning epoch seconds.
    public static func parseWallClock(_ text: String) -> Int64? {
        let u = Array(text.utf8)
        guard u.count >= 10, let day = CalendarDay(String(decoding: u[0..<10], as: UTF8.self)) else { return nil }
        if u.count == 10 { return day.startEpochSeconds }
        guard u.count >= 19, u[10] == 32 || u[10] == 84, u[13] == 58, u[16] == 58,
              let h = number(u, 11), let m = number(u, 14), let s = number(u, 17),
              h < 24, m < 60, s < 60
        else { return nil }
        return day.startEpochSeconds + Int64(h * 3600 + m * 60 + s)
    }

    private static func number(_ u: [UInt8], _ at: Int) -> Int? {
        let a = Int(u[at]) - 48, b = Int(u[at + 1]) - 48
        guard (0...9).contains(a), (0...9).contains(b) else { return nil }
        return a * 10 + b
    }
}
