import Batch
import Foundation
import Reports
import Testing

/// Transient failures that a retry fixed, and one model error that no retry would.
@Suite struct RetryScenarioTests {
    @Test func summaryCountsRetriesAndTheFailureAgainstTheThreshold() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let m = try fixture.model()
        let failed = fixture.windows.filter { $0.status == .failed }.count
        let attempted = fixture.windows.filter { $0.status == .success || $0.status == .failed }.count
        let retries = fixture.windows.map { max(0, $0.attempts - 1) }.reduce(0, +)
        #expect(failed == 1 && attempted == 8 && retries == 3)
        #expect(m.counts.failed == failed)
        #expect(m.counts.attempted == attempted)
        #expect(m.counts.retries == retries)
        #expect(m.counts.retries == fixture.batch.retries)
        #expect(m.rates.failureRate == Double(failed) / Double(attempted))
        #expect(m.rates.failureRateAllWindows == Double(failed) / Double(fixture.windows.count))
        #expect(m.rates.withinThreshold == true)
        #expect(m.status == .partial)

        let summary = Expect.section("Executive Summary", in: MarkdownRenderer.render(m))
        #expect(summary.contains("- **Status**: PARTIAL. Some windows failed, within the failure-rate threshold."))
        #expect(summary.contains("- **Failed**: 1/8 attempted windows (\(Expect.percent(1, 8))), within the 15.00% threshold; 1/8 of all windows (\(Expect.percent(1, 8)))"))
        #expect(summary.contains("- **Retries**: 3 attempts beyond the first (\(fixture.attempts.count) attempt records in the ledger)"))
        #expect(summary.contains("- **Workers**: 4"))
    }

    @Test func theModelErrorIsOneUnretriedGroupWithNoRecordedFix() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let m = try fixture.model()
        #expect(m.rootCauses.count == 1)
        let group = try #require(m.rootCauses.first)
        #expect(group.status == .failed)
        #expect(group.failureClass == .modelError)
        #expect(group.symbols == ["INFY"])
        #expect(group.windowLabels == ["INFY_2024-01-01_to_2024-06-29"])
        #expect(group.normalizedReason == "LightGBM rejected the training data for [SYMBOL]_[DATE]_to_[DATE]: [LightGBM] [Fatal] Check failed: (num_data) > (0)")
        #expect(group.representativeError == Scenarios.modelErrorReason)
        #expect(!group.retried)
        let action = try #require(m.actions.first)
        #expect(action.commands.isEmpty)
        #expect(action.note == "No fix was recorded in the ledger for these windows; see the representative error.")
        #expect(m.resumeCommand == "sensequant train --resume batch_20251102_090000 --data-dir data")

        let markdown = MarkdownRenderer.render(m)
        let table = Expect.section("Detailed Failure Log", in: markdown)
        #expect(table.contains("| 1 | INFY | INFY_2024-01-01_to_2024-06-29 | 2024-01-01 → 2024-06-29 | 1 | failed | modelError | 1 | none recorded |"))
        #expect(table.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 2)
        let classification = Expect.section("Failure Classification", in: markdown)
        #expect(classification.contains("- **Retried**: no (0 of 1 window had more than one attempt)"))
    }

    @Test func transientAttemptsAreReportedAsRecoveredByRetry() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let m = try fixture.model()
        let failedAttempts = fixture.attempts.filter { $0.failureClass == .transient }
        #expect(failedAttempts.count == 3)
        #expect(m.recoveredByRetry.count == 2)
        let http = try #require(m.recoveredByRetry.first { $0.normalizedReason.contains("HTTP 503") })
        #expect(http.failureClass == .transient)
        #expect(http.normalizedReason == Scenarios.http503("[SYMBOL]"))
        #expect(http.failedAttempts == failedAttempts.filter { $0.reason!.contains("503") }.count)
        #expect(http.windowLabels == ["RELIANCE_2024-01-01_to_2024-06-29", "TCS_2024-06-29_to_2024-12-26"])
        #expect(http.symbols == ["RELIANCE", "TCS"])
        let timeout = try #require(m.recoveredByRetry.first { $0.normalizedReason.contains("timed out") })
        #expect(timeout.failedAttempts == 1 && timeout.symbols == ["TCS"])
        #expect(m.windows.first { $0.label == "TCS_2024-06-29_to_2024-12-26" }?.attemptRecords == 3)

        let section = Expect.section("Failure Classification", in: MarkdownRenderer.render(m))
        #expect(section.contains("- **transient** `\(Scenarios.http503("[SYMBOL]"))`: 2 failed attempts across 2 windows (2 symbols: RELIANCE, TCS); each of these windows then trained."))
    }

    @Test func nullAndMissingAUCAreExcludedAndCounted() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let m = try fixture.model()
        let trained = fixture.windows.filter { $0.status == .success }.count
        #expect(m.validationAUC.count == trained - 2)
        #expect(m.validationAUC.excluded == 2)
        #expect(m.windows.first { $0.label == "HDFCBANK_2024-06-29_to_2024-12-26" }?.validationAUC == nil)
        #expect(m.windows.first { $0.label == "TCS_2024-06-29_to_2024-12-26" }?.validationAUC == 0.7)
        #expect(m.impact.fullyTrained == ["HDFCBANK", "RELIANCE", "TCS"])
        #expect(m.impact.partlyTrained.map(\.symbol) == ["INFY"])
        #expect(m.impact.partlyTrained.first?.trainedWindows == 1 && m.impact.partlyTrained.first?.totalWindows == 2)
        #expect(m.impact.notTrained.isEmpty)
        #expect(m.evidence.logPath == "logs/train_20251102_090000.log")
    }

    @Test func markdownMatchesGolden() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        try Golden.check(MarkdownRenderer.render(try fixture.model()), file: "retry_scenario.md", dataDirectory: fixture.dataDirectory)
    }
}
