import Batch
import MarketData
import Foundation
import Reports
import Testing

/// The seed's run, from the ledger: 96 symbols × 2 windows, 8 symbols with no data.
@Suite struct SeedScenarioTests {
    @Test func planMatchesTheSeedsWindowLabels() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        #expect(fixture.windows.count == 192)
        let sbin = fixture.windows.filter { $0.symbol == "SBIN" }.map(\.label)
        #expect(sbin == Scenarios.seedWindowLabels.map { "SBIN_\($0)" })
    }

    @Test func summaryNumbersMatchTheLedger() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let m = try fixture.model()
        let succeeded = fixture.windows.filter { $0.status == .success }.count
        let skipped = fixture.windows.filter { $0.status == .skipped }.count
        #expect(succeeded == 176 && skipped == 16)
        #expect(m.counts.total == fixture.windows.count)
        #expect(m.counts.succeeded == succeeded)
        #expect(m.counts.skipped == skipped)
        #expect(m.counts.failed == 0)
        #expect(m.counts.attempted == succeeded)
        #expect(m.counts.retries == 0)
        #expect(m.counts.attemptRecords == fixture.attempts.count)
        #expect(m.rates.failureRate == fixture.batch.failureRate)
        #expect(m.rates.failureRateAllWindows == fixture.batch.failureRateAllWindows)
        #expect(m.rates.maxFailureRate == 0.15)
        #expect(m.rates.withinThreshold == true)
        #expect(m.status == .completed)
        #expect(m.timing.durationSeconds == 1.75)
        #expect(m.timing.secondsPerFinishedWindow == 1.75 / 192)
        #expect(m.workers == 2)
        #expect(m.createdAt == "2025-11-01 17:35:30+05:30")
        #expect(m.evidence.ledgerDiscrepancies.isEmpty)

        let summary = Expect.section("Executive Summary", in: MarkdownRenderer.render(m))
        #expect(summary.contains("- **Status**: COMPLETED."))
        #expect(summary.contains("- **Trained**: \(succeeded)/192 windows (\(Expect.percent(succeeded, 192)))"))
        #expect(summary.contains("- **Skipped**: \(skipped)/192 windows (\(Expect.percent(skipped, 192)))"))
        #expect(summary.contains("- **Failed**: 0/\(succeeded) attempted windows (0.00%), within the 15.00% threshold; 0/192 of all windows (0.00%)"))
        #expect(summary.contains("- **Training duration**: 00:02 (1.75 s) over 1 run"))
        #expect(summary.contains("- **Time per window**: \(String(format: "%.3f s", 1.75 / 192)) (training time over 192 finished windows)"))
        #expect(summary.contains("- **Workers**: 2"))
        #expect(summary.contains("**Finding**: All 16 windows that did not train share one root cause (group 1): dataMissing, skipped, affecting 8 symbols."))
    }

    @Test func classificationGroupsTheEightSymbolsUnderOneRootCause() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let m = try fixture.model()
        #expect(m.rootCauses.count == 1)
        let group = try #require(m.rootCauses.first)
        let skippedLabels = fixture.windows.filter { $0.status == .skipped }.map(\.label)
        #expect(group.status == .skipped)
        #expect(group.failureClass == .dataMissing)
        #expect(group.normalizedReason == "No data returned for [SYMBOL]")
        #expect(group.windowCount == skippedLabels.count)
        #expect(group.windowLabels == skippedLabels)
        #expect(group.symbols == Scenarios.seedMissing)
        #expect(group.representativeError == "No data returned for NESTLEIND")
        #expect(!group.retried && group.retriedWindows == 0)
        #expect(m.recoveredByRetry.isEmpty)
        #expect(m.countsByClass.map(\.name) == ["success", "dataMissing"])
        #expect(m.countsByClass.map(\.total) == [176, 16])

        let section = Expect.section("Failure Classification", in: MarkdownRenderer.render(m))
        #expect(section.contains("### 1. dataMissing: skipped, 16 windows"))
        #expect(section.contains("- **Root cause**: `No data returned for [SYMBOL]`"))
        #expect(section.contains("- **Retried**: no (0 of 16 windows had more than one attempt)"))
        #expect(section.contains("- **Affected symbols (8)**: \(Scenarios.seedMissing.joined(separator: ", "))"))
        #expect(section.contains("```\nNo data returned for NESTLEIND\n```"))
        #expect(section.contains("No window needed a retry to train."))
    }

    @Test func detailedTableListsEverySkippedWindowWithItsFetch() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let table = Expect.section("Detailed Failure Log", in: MarkdownRenderer.render(try fixture.model()))
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| # ") }
        let skipped = fixture.windows.filter { $0.status == .skipped }
        #expect(rows.count == skipped.count)
        for (i, (row, w)) in zip(rows, skipped).enumerated() {
            let expected = "| \(i + 1) | \(w.symbol) | \(w.label) | \(w.startDate) → \(w.endDate) | \(w.attempts) | skipped | dataMissing | 1 | `\(RemedyText.render(w.remedy!))` |"
            #expect(String(row) == expected)
        }
    }

    @Test func impactAndActionsMergeTheFetchesIntoOneCommand() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let m = try fixture.model()
        #expect(m.impact.fullyTrained == Scenarios.seedTrained.sorted())
        #expect(m.impact.partlyTrained.isEmpty)
        #expect(m.impact.notTrained == Scenarios.seedMissing)
        #expect(m.impact.trainedWindows == 176 && m.impact.totalWindows == 192)

        // The two windows' fetch ranges overlap, so one fetch over their union covers all 16.
        let first = Scenarios.seedFetchRanges[0].0, last = Scenarios.seedFetchRanges[1].1
        let fetch = "sensequant fetch --symbols \(Scenarios.seedMissing.joined(separator: " ")) --start-date \(first) --end-date \(last)"
        #expect(m.actions.count == 1)
        #expect(m.actions.first?.commands == [fetch])
        #expect(m.resumeCommand == "sensequant train --resume batch_20251101_173530 --data-dir data")

        let markdown = MarkdownRenderer.render(m)
        let impact = Expect.section("Impact Assessment", in: markdown)
        #expect(impact.contains("- 176/192 windows trained; 16/192 not trained, across 8 symbols"))
        #expect(impact.contains("- **Fully trained** (88/96):"))
        #expect(impact.contains("- **Partly trained** (0/96): none"))
        #expect(impact.contains("- **Not trained** (8/96): \(Scenarios.seedMissing.joined(separator: ", "))"))
        let actions = Expect.section("Recommended Actions", in: markdown)
        #expect(actions.contains("1. **Fix group 1: dataMissing, 16 windows (8 symbols)**"))
        #expect(actions.contains("   ```\n   \(fetch)\n   ```"))
        #expect(actions.contains("2. **Rerun the windows that did not train (after the steps above)**"))
        #expect(actions.hasSuffix("   ```\n   sensequant train --resume batch_20251101_173530 --data-dir data\n   ```"))
    }

    @Test func distributionsCountWhatTheLedgerHolds() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let m = try fixture.model()
        let trained = fixture.windows.filter { $0.status == .success }
        let aucs = trained.compactMap { w -> Double? in
            guard let metrics = w.metrics, !metrics.contains(#""val_auc":null"#),
                  let range = metrics.range(of: #""val_auc":"#) else { return nil }
            return Double(metrics[range.upperBound...].prefix { $0 != "," && $0 != "}" })
        }
        #expect(aucs.count < trained.count, "the fixture must exclude some null AUCs")
        #expect(m.validationAUC.count == aucs.count)
        #expect(m.validationAUC.excluded == trained.count - aucs.count)
        #expect(m.validationAUC.minimum == aucs.min() && m.validationAUC.maximum == aucs.max())
        #expect(m.validationAUC.median == Expect.median(aucs))
        #expect(m.validationAUC.bins.map(\.count).reduce(0, +) == aucs.count)
        let durations = fixture.windows.compactMap(\.durationSeconds)
        #expect(m.windowDurations.count == durations.count)
        #expect(m.windowDurations.excluded == 16)
        #expect(m.windowDurations.bins.map(\.count).reduce(0, +) == durations.count)
        #expect(m.windowDurations.maximum == durations.max())

        let section = Expect.section("Distributions", in: MarkdownRenderer.render(m))
        #expect(section.contains("\(aucs.count) windows; min \(String(format: "%.3f", aucs.min()!))"))
        #expect(section.contains("; \(trained.count - aucs.count) excluded (trained windows whose metrics have no numeric val_auc"))
    }

    @Test func evidenceNamesTheLedgerAndParameters() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let m = try fixture.model()
        #expect(m.evidence.ledgerPath == fixture.ledger.path.path)
        #expect(m.evidence.batchDirectory == fixture.batch.batchDir)
        #expect(m.evidence.logPath == nil)
        #expect(m.evidence.parameters == Scenarios.seedParameters())
        let section = Expect.section("Evidence", in: MarkdownRenderer.render(m))
        #expect(section.contains("- **Ledger**: `\(fixture.ledger.path.path)`"))
        #expect(section.contains("- **Log**: none recorded"))
        #expect(section.contains("| LightGBM overrides | gpu_use_dp=true, n_estimators=1000, num_leaves=255 |"))
        #expect(section.contains("| max failure rate | 0.15 |"))
    }

    @Test func markdownMatchesGolden() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        try Golden.check(MarkdownRenderer.render(try fixture.model()), file: "seed_scenario.md", dataDirectory: fixture.dataDirectory)
    }
}
