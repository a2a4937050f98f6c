import Batch
import Foundation
import MarketData
import Reports
import Testing

@Suite struct WriterAndJSONTests {
    @Test func writeAllWritesTheThreeRenderingsIntoTheBatchDirectory() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let batchDir = URL(fileURLWithPath: fixture.batch.batchDir)
        let urls = try ReportWriter.writeAll(batchId: fixture.batch.id, ledger: fixture.ledger, to: batchDir)
        #expect(urls.map(\.lastPathComponent) == ["report.md", "report.html", "report.json"])
        let model = try ReportWriter.model(batchId: fixture.batch.id, ledger: fixture.ledger)
        #expect(try String(contentsOf: urls[0], encoding: .utf8) == MarkdownRenderer.render(model))
        #expect(try String(contentsOf: urls[1], encoding: .utf8) == HTMLRenderer.render(model))
        #expect(try String(contentsOf: urls[2], encoding: .utf8) == JSONRenderer.render(model))
        // No temporary files left behind, and the default data directory is the ledger's root.
        let names = try FileManager.default.contentsOfDirectory(atPath: batchDir.path).sorted()
        #expect(names == ["report.html", "report.json", "report.md"])
        #expect(model.resumeCommand == "sensequant train --resume \(fixture.batch.id) --data-dir \(fixture.dataDirectory)")
    }

    @Test func jsonCarriesTheSameFactsAndDecodesBack() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let model = try fixture.model()
        let json = try JSONRenderer.render(model)
        #expect(try JSONDecoder().decode(ReportModel.self, from: Data(json.utf8)) == model)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["batchId"] as? String == fixture.batch.id)
        #expect(object["status"] as? String == "partial")
        let counts = try #require(object["counts"] as? [String: Any])
        #expect(counts["failed"] as? Int == 1 && counts["retries"] as? Int == 3 && counts["total"] as? Int == 8)
        let groups = try #require(object["rootCauses"] as? [[String: Any]])
        #expect(groups.first?["failureClass"] as? String == "modelError")
        #expect(groups.first?["retried"] as? Bool == false)
        let windows = try #require(object["windows"] as? [[String: Any]])
        #expect(windows.count == fixture.windows.count)
        #expect(windows.map { $0["label"] as? String } == fixture.windows.map(\.label))
        let parameters = try #require((object["evidence"] as? [String: Any])?["parameters"] as? [String: Any])
        #expect(parameters["maxFailureRate"] as? Double == 0.15)
    }

    @Test func jsonSchemaDocumentNamesEveryTopLevelKey() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try JSONRenderer.render(try fixture.model()).utf8)) as? [String: Any])
        let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/report-json.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        for key in object.keys { #expect(text.contains("`\(key)`"), "docs/report-json.md does not document \(key)") }
    }

    @Test func interruptedBatchReportsWindowsThatDidNotRun() throws {
        let fixture = try LedgerFixture(batchId: "batch_interrupted", symbols: ["INFY", "TCS"], parameters: Scenarios.seedParameters(),
                                        status: .interrupted, workers: 2, durationSeconds: 0.5, logPath: nil) { symbol, window in
            symbol == "INFY"
                ? FixtureWindow(status: .success, durationSeconds: 0.1, metrics: #"{"val_auc":0.6}"#, attempts: [FixtureAttempt(failureClass: nil, reason: nil, durationSeconds: 0.1)])
                : FixtureWindow(status: window == 0 ? .running : .pending)
        }
        defer { fixture.remove() }
        let m = try fixture.model()
        #expect(m.counts.notRun == 2)
        #expect(m.rootCauses.isEmpty)
        #expect(m.impact.notTrained == ["TCS"])
        #expect(m.resumeCommand != nil)
        #expect(m.finding == "2 windows did not run to an outcome.")
        let markdown = MarkdownRenderer.render(m)
        #expect(markdown.contains("- **Status**: INTERRUPTED."))
        #expect(markdown.contains("Nothing to classify: no window failed or was skipped."))
        #expect(markdown.contains("| 1 | TCS | TCS_2024-01-01_to_2024-06-29 | 2024-01-01 → 2024-06-29 | 0 | not run (running) | - | - | rerun with --resume (below) |"))
        #expect(markdown.contains("1. **Rerun the windows that did not train**"))
    }

    @Test func everyWindowTrainedSaysSoInEachSection() throws {
        let fixture = try LedgerFixture(batchId: "batch_clean", symbols: ["INFY"], parameters: Scenarios.seedParameters(),
                                        status: .completed, workers: 1, durationSeconds: 0.2, logPath: nil) { _, _ in
            FixtureWindow(status: .success, durationSeconds: 0.1, metrics: #"{"val_auc":0.6}"#, attempts: [FixtureAttempt(failureClass: nil, reason: nil, durationSeconds: 0.1)])
        }
        defer { fixture.remove() }
        let markdown = MarkdownRenderer.render(try fixture.model())
        #expect(markdown.contains("**Finding**: Every window trained."))
        #expect(Expect.section("Detailed Failure Log", in: markdown).hasSuffix("Every window trained; nothing to list."))
        #expect(Expect.section("Recommended Actions", in: markdown).hasSuffix("Nothing to do: every window trained."))
        #expect(!markdown.contains("--resume"))
    }

    @Test func unknownBatchAndMissingLedgerAreClassifiedErrors() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        #expect(throws: ReportError.unknownBatch(id: "nope", ledgerPath: fixture.ledger.path.path, dataDir: nil)) {
            try ReportWriter.model(batchId: "nope", ledger: fixture.ledger)
        }
        let empty = fixture.directory.appendingPathComponent("empty-root")
        #expect(throws: ReportError.noLedger(path: Ledger.url(in: DataRoot(url: empty)).path)) {
            try ReportWriter.openLedger(root: DataRoot(url: empty))
        }
        #expect(!FileManager.default.fileExists(atPath: empty.path), "opening for a report must not create a ledger")
    }

    @Test func builderReportsCountersThatDisagreeWithTheWindows() throws {
        let fixture = try Scenarios.retries()
        defer { fixture.remove() }
        var stale = fixture.batch
        stale.failed = 0
        stale.succeeded = 3
        let m = ReportModelBuilder.build(batch: stale, windows: fixture.windows, attempts: fixture.attempts,
                                         ledgerPath: "ledger.sqlite", dataDirectory: "data")
        #expect(m.counts.failed == 1 && m.counts.succeeded == 7)
        #expect(m.evidence.ledgerDiscrepancies == ["batch row says succeeded = 3; its windows say 7", "batch row says failed = 0; its windows say 1"])
    }
}
