import Foundation
import MarketData
import Testing
@testable import Evaluation

/// No scored row's label interval may overlap a label interval the scoring model was trained
/// or early-stopped on: checked at every window boundary of a planned batch, with data gaps.
@Suite struct ScoringScheduleTests {
    /// Trading days of 2023-2024 with a few missing, as a cache with gaps has them.
    func barDays() throws -> [CalendarDay] {
        let all = try TradingCalendar.nse().tradingDays(in: DayRange(CalendarDay("2023-01-01")!, CalendarDay("2024-12-31")!))
        let missing = Set(all.enumerated().filter { $0.offset % 37 == 5 }.map(\.element))
        return all.filter { !missing.contains($0) }
    }

    @Test(arguments: [1, 7, 20])
    func noScoredLabelOverlapsATrainingLabel(horizon: Int) throws {
        let days = try barDays()
        var windows: [DayRange] = []
        var start = CalendarDay("2023-01-01")!
        while start < CalendarDay("2024-08-01")! {
            windows.append(DayRange(start, start.adding(days: 90)))
            start = start.adding(days: 90)
        }
        let schedule = ScoringSchedule.assign(barDays: days, windows: windows, horizon: horizon, evalDays: 90)
        var scoredSoFar = Set<Int>()
        for (window, scored) in zip(windows, schedule) {
            // Rows trained or early-stopped on: every bar inside the window; label [t, t+h].
            let trained = days.indices.filter { window.first <= days[$0] && days[$0] <= window.last }
            let lastTrainingLabelBar = try #require(trained.last) + horizon
            #expect(!scored.isEmpty)
            for s in scored {
                #expect(s > lastTrainingLabelBar, "bar \(s) scored by \(window) whose labels reach bar \(lastTrainingLabelBar)")
                #expect(days[s] > window.last)
            }
            // Exactly at the boundary: the first scored bar is the first one allowed.
            #expect(scored.lowerBound == lastTrainingLabelBar + 1)
            #expect(scoredSoFar.isDisjoint(with: scored), "each bar is scored by one model")
            scoredSoFar.formUnion(scored)
        }
    }

    @Test func aModelScoresUntilTheNextOneTakesOver() throws {
        let days = try barDays()
        let windows = [DayRange(CalendarDay("2023-01-01")!, CalendarDay("2023-06-30")!),
                       DayRange(CalendarDay("2023-06-30")!, CalendarDay("2023-12-27")!)]
        let s = ScoringSchedule.assign(barDays: days, windows: windows, horizon: 7, evalDays: 400)
        #expect(s[0].upperBound == s[1].lowerBound)
        // The last model scores for evalDays only.
        let short = ScoringSchedule.assign(barDays: days, windows: windows, horizon: 7, evalDays: 30)
        #expect(days[short[1].upperBound - 1] < days[short[1].lowerBound].adding(days: 30))
    }
}
