import MarketData
import Teacher

/// Intraday bars of a day cut short (an interrupted fetch) would enter a window's rows as if
/// the day were whole. Preflight skips such windows, and the trainer refuses them when
/// preflight is off: either way as `partialDay`, with the fetch that completes those days.
public enum PartialDayCheck {
    /// The days the window's rows use (warm-up, window, look-ahead) that are partial, or nil.
    /// The fix fetches exactly those days into `dataDir`.
    public static func failure(_ window: PlannedWindow, bars: BarSeries, teacher: TeacherConfig,
                               calendar: TradingCalendar, dataDir: String? = nil) -> WindowFailure? {
        guard teacher.interval.isIntraday,
              let spans = try? PreparedWindow.spans(symbol: window.symbol, window: window.range, allBars: bars, config: teacher),
              !spans.used.isEmpty
        else { return nil }
        let used = DayRange(CalendarDay(containing: bars.timestamps[spans.used.lowerBound]),
                            CalendarDay(containing: bars.timestamps[spans.used.upperBound - 1]))
        let partial = Coverage.partialDays(bars, range: used, interval: teacher.interval, calendar: calendar)
        guard let first = partial.first, let last = partial.last else { return nil }
        let listed = partial.prefix(3).map(\.description).joined(separator: ", ") + (partial.count > 3 ? ", ..." : "")
        return WindowFailure(.partialDay,
                             "\(window.symbol): \(partial.count) incomplete trading day\(partial.count == 1 ? "" : "s") in \(used) (\(listed)); not trained on",
                             remedy: .fetch(FetchRemedy(symbols: [window.symbol], range: DayRange(first.day, last.day), interval: teacher.interval,
                                                        dataDir: dataDir)))
    }
}
