import MarketData
import Testing
@testable import Teacher

/// Features and labels on 5-minute bars against an independent pandas implementation
/// (scripts/reference/intraday_5minute.py, pandas 3.1.1, numpy 2.x): three sessions of 75 bars,
/// with an overnight jump, so VWAP/OBV accumulate across days and labels meet the overnight gap.
@Suite struct IntradayReferenceTests {
    static let days = [CalendarDay("2024-01-01")!, CalendarDay("2024-01-02")!, CalendarDay("2024-01-03")!]

    static func series() -> BarSeries {
        BarSeries(bars: (0..<225).map { i in
            let day = i / 75, k = i % 75
            let close = 100 + Double((i * 7) % 13) - 6 + 0.25 * Double(k) + Double((i * i) % 5) * 0.5 + 3 * Double(day)
            return Bar(timestamp: days[day].startEpochSeconds + Int64(9 * 3600 + 15 * 60 + k * 300), open: close - 0.2,
                       high: close + 1 + Double(i % 3) * 0.5, low: close - 1 - Double(i % 4) * 0.25, close: close,
                       volume: 1000 + Double((i * 37) % 11) * 100)
        })
    }

    static let pandasRows: [Int: [Double]] = [
        49: [110.975, 107.005, 112.2402437785927, 110.18548979207033, 48.913043478260875, 8.0, 106.98460508701474, 119.58787286260312, 110.975, 102.36212713739687, 2.054753986522371, 1.9125165697658058, 0.14223741675656543, 6.361839068118804, -7100.0],
        74: [117.375, 113.275, 118.72805867215499, 116.60055374573211, 56.01092896174863, 7.946428571428571, 110.20948148148149, 125.81129377342754, 117.375, 108.93870622657246, 2.1275049264228727, 1.7645829654916225, 0.3629219609312502, 6.94129659630782, -9900.0],
        75: [116.6875, 113.19, 116.15451118413114, 115.51903124604826, 41.13475177304964, 8.982142857142858, 110.11284417106035, 127.56828339865356, 116.6875, 105.80671660134644, 0.6354799380828808, 1.5387623600098743, -0.9032824219269935, 7.537317576695027, -11200.0],
        150: [119.4875, 116.25, 118.8928168266775, 118.42741238625939, 46.86648501362398, 8.017857142857142, 111.75247050147493, 128.18788565388385, 119.4875, 110.78711434611614, 0.46540444041811213, 1.3227344825839096, -0.8573300421657974, 6.684397303624938, -18200.0],
        224: [122.975, 119.395, 123.91019848193048, 122.34969251984522, 56.07734806629834, 7.821428571428571, 113.252499010293, 131.26402254411406, 122.975, 114.68597745588593, 1.5605059620852586, 1.6650446990815104, -0.10453873699625182, 7.365327168099189, -29400.0],
    ]

    /// Row: (overnight, session) 7-bar forward return; nil is NaN.
    static let pandasLabels: [Int: (Double?, Double?)] = [
        67: (0.09010989010989001, 0.09010989010989001),
        68: (-0.15702479338842978, nil),
        70: (-0.12448132780082988, nil),
        142: (-0.022587268993839782, -0.022587268993839782),
        143: (-0.051724137931034475, nil),
        217: (-0.021194605009633882, -0.021194605009633882),
        218: (nil, nil),
    ]

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test func featuresMatchPandasAcrossTheOvernightGap() {
        let columns = FeatureSet.columns(Self.series())
        for (row, expected) in Self.pandasRows {
            for (f, value) in expected.enumerated() {
                #expect(Self.close(columns[f][row], value), "\(FeatureSet.names[f]) at bar \(row): \(columns[f][row]) vs \(value)")
            }
        }
    }

    @Test(arguments: [LabelSpan.overnight, .session])
    func labelsMatchPandas(span: LabelSpan) {
        let bars = Self.series()
        let returns = Labels.forwardReturns(close: bars.close, timestamps: bars.timestamps, horizon: 7, span: span)
        for (row, expected) in Self.pandasLabels {
            let want = span == .overnight ? expected.0 : expected.1
            if let want {
                #expect(Self.close(returns[row], want), "bar \(row): \(returns[row]) vs \(want)")
            } else {
                #expect(returns[row].isNaN, "bar \(row): \(returns[row]) should be undefined")
            }
        }
    }

    /// With `session`, no training row's label reaches into the next day: the last 7 bars of
    /// each session are not rows; with `overnight` they are.
    @Test func sessionLabelsDropEachDaysLastHorizonBars() throws {
        var config = TeacherConfig()
        config.interval = .fiveMinute
        config.labelSpan = .session
        let window = DayRange(Self.days[1], Self.days[2])
        let session = try PreparedWindow.prepare(symbol: "X", window: window, allBars: Self.series(), config: config)
        config.labelSpan = .overnight
        let overnight = try PreparedWindow.prepare(symbol: "X", window: window, allBars: Self.series(), config: config)
        #expect(overnight.rowCount == 150 - 7)
        #expect(session.rowCount == 150 - 14)
        for t in session.rowBars {
            #expect(CalendarDay(containing: session.bars.timestamps[t]) == CalendarDay(containing: session.bars.timestamps[t + 7]))
        }
    }

    @Test func warmUpAndLookAheadAreBarsOfTheInterval() throws {
        let calendar = try TradingCalendar.nse()
        var config = TeacherConfig()
        config.interval = .fiveMinute
        config.warmupBars = 100   // 2 sessions of 75 bars
        config.horizon = 7        // 1 session
        #expect(config.tradingDays(holding: 100) == 2 && config.tradingDays(holding: 7) == 1 && config.tradingDays(holding: 75) == 1)
        let window = DayRange(CalendarDay("2024-03-04")!, CalendarDay("2024-03-08")!)
        let needed = config.barsNeeded(for: window, calendar: calendar)
        #expect(needed.first == calendar.tradingDay(2 + 10, before: window.first))
        #expect(needed.last == calendar.tradingDay(1 + 10, after: window.last))
        config.labelSpan = .session
        config.interval = .oneDay
        #expect(throws: TeacherError.self) { try config.validate() }
    }
}
