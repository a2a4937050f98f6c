import Foundation
import Testing
@testable import Batch
import MarketData

func day(_ s: String) -> CalendarDay { CalendarDay(s)! }

@Suite struct WindowPlannerTests {
    @Test func reproducesTheOriginalsWindowsAndLabels() {
        let plan = WindowPlanner.plan(symbols: ["SBIN"], start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
        #expect(plan.map(\.label) == ["SBIN_2024-01-01_to_2024-06-29", "SBIN_2024-06-29_to_2024-12-26"])
    }

    @Test func dropsWindowsShorterThanSevenDays() {
        // 2024-01-01 + 10 = 01-11, + 10 = 01-21, then 01-21..01-25 is 4 days: dropped.
        let w = WindowPlanner.windows(start: day("2024-01-01"), end: day("2024-01-25"), windowDays: 10)
        #expect(w.map(\.description) == ["2024-01-01..2024-01-11", "2024-01-11..2024-01-21"])
    }

    @Test func rollingWindowsStepByStepDays() {
        let w = WindowPlanner.windows(start: day("2024-01-01"), end: day("2024-03-01"), windowDays: 30, stepDays: 15)
        #expect(w.first?.description == "2024-01-01..2024-01-31")
        #expect(w[1].description == "2024-01-16..2024-02-15")
        #expect(w.last?.last == day("2024-03-01"))
    }

    @Test func planIsSymbolMajorInGivenOrder() {
        let plan = WindowPlanner.plan(symbols: ["B", "A"], start: day("2024-01-01"), end: day("2024-12-26"), windowDays: 180)
        #expect(plan.map(\.symbol) == ["B", "B", "A", "A"])
    }
}

@Suite struct StatusPolicyTests {
    @Test func statusFollowsFailuresOverAttempted() {
        #expect(StatusPolicy.status(succeeded: 176, failed: 0, maxFailureRate: 0.15, interrupted: false) == .completed)
        #expect(StatusPolicy.status(succeeded: 85, failed: 15, maxFailureRate: 0.15, interrupted: false) == .partial)
        #expect(StatusPolicy.status(succeeded: 84, failed: 16, maxFailureRate: 0.15, interrupted: false) == .failed)
        #expect(StatusPolicy.status(succeeded: 0, failed: 0, maxFailureRate: 0.15, interrupted: true) == .interrupted)
        // Every window skipped: nothing trained is not a success.
        #expect(StatusPolicy.status(succeeded: 0, failed: 0, maxFailureRate: 0.15, interrupted: false) == .failed)
        #expect(StatusPolicy.exitCode(for: .completed) == 0)
        #expect(StatusPolicy.exitCode(for: .partial) == 0)
        #expect(StatusPolicy.exitCode(for: .failed) == 1)
        #expect(StatusPolicy.exitCode(for: .interrupted) == 130)
    }
}

@Suite struct FaultSpecTests {
    @Test func parsesClassLabelAndCount() {
        let f = FaultInjectingTraining.Fault("transient:SBIN_2024-01-01_to_2024-06-29:2")
        #expect(f?.failureClass == .transient)
        #expect(f?.label == "SBIN_2024-01-01_to_2024-06-29")
        #expect(f?.count == 2)
        #expect(FaultInjectingTraining.Fault("modelError:X")?.count == nil)
        #expect(FaultInjectingTraining.Fault("nonsense:X") == nil)
        #expect(FaultInjectingTraining.Fault("transient:X:many") == nil)
    }
}
