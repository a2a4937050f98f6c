import Foundation
import MarketData

/// Daily bars on weekdays for tests, built from a closing-price function of the bar number.
enum TestBars {
    static let start = CalendarDay("2023-06-01")!

    static func weekdays(from first: CalendarDay, count: Int) -> [CalendarDay] {
        var days: [CalendarDay] = []
        var day = first
        while days.count < count {
            if !day.isWeekend { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    static func series(count: Int, from first: CalendarDay = start, close: (Int) -> Double) -> BarSeries {
        let days = weekdays(from: first, count: count)
        return BarSeries(bars: days.indices.map { i in
            let c = close(i)
            return Bar(timestamp: days[i].startEpochSeconds, open: c - 0.2, high: c + 1 + Double(i % 3) * 0.5,
                       low: c - 1 - Double(i % 4) * 0.25, close: c, volume: 1000 + Double((i * 37) % 11) * 100)
        })
    }

    /// The series `reference_features.py` (quoted in FeatureTests) computes its expectations on.
    static func referenceSeries() -> BarSeries {
        series(count: 70) { i in 100 + Double((i * 7) % 13) - 6 + 0.25 * Double(i) + Double((i * i) % 5) * 0.5 }
    }

    /// A learnable market: a 20-bar cycle of +-8% with a little deterministic noise, so the
    /// 7-bar forward return follows from where in the cycle a bar sits.
    static func cyclicSeries(count: Int, from first: CalendarDay = start) -> BarSeries {
        series(count: count, from: first) { i in
            let noise = Double((i * 7919) % 17) / 17 - 0.5
            return 100 * (1 + 0.08 * sin(2 * Double.pi * Double(i) / 20)) + noise
        }
    }

    /// The window of `days` calendar days that starts at bar `index` of `series`.
    static func window(of series: BarSeries, startingAtBar index: Int, days: Int) -> DayRange {
        let first = CalendarDay(containing: series.timestamps[index])
        return DayRange(first, first.adding(days: days - 1))
    }
}
