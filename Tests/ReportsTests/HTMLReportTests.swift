import Batch
import Foundation
import Reports
import Testing

@Suite struct HTMLReportTests {
    static let chartIds = ["outcome-grid", "class-counts", "duration-histogram", "auc-histogram"]

    @Test func htmlIsSelfContainedWithAllFourCharts() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let html = HTMLRenderer.render(try fixture.model())
        for id in Self.chartIds {
            #expect(html.components(separatedBy: "<svg id=\"\(id)\"").count == 2, "chart \(id)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        // The only URL is the SVG namespace.
        #expect(html.components(separatedBy: "http").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.contains("@media print"))
        // One grid square per window, each with hover text naming it.
        #expect(html.components(separatedBy: "<g><title>").count - 1 == fixture.windows.count)
        #expect(html.contains("<title>SBIN_2024-01-01_to_2024-06-29: skipped · dataMissing · No data returned for SBIN</title>"))
        // Ledger text is escaped: M&amp;M, never a bare ampersand.
        #expect(html.contains("M&amp;M") && !html.contains("M&M"))
        let excluded = fixture.windows.filter { $0.status == .success && ($0.metrics ?? "").contains(#""val_auc":null"#) }.count
        #expect(html.contains("Early-stopping AUC (in-window, not model quality): \(176 - excluded) windows, \(excluded) excluded"))
    }

    @Test func hostileLedgerTextIsEscaped() throws {
        let fixture = try LedgerFixture(
            batchId: "batch_escape", symbols: ["AAA"], parameters: Scenarios.seedParameters(), status: .failed, workers: 1,
            durationSeconds: 1, logPath: "</code><script>alert(1)</script>") { _, window in
            window == 0
                ? FixtureWindow(status: .failed, failureClass: .internal, reason: "disk <full> & \"quoted\" 'x' | pipe",
                                remedy: .advice("rm -rf '<tmp>'"), attempts: [FixtureAttempt(failureClass: .internal, reason: "disk <full>", durationSeconds: 1)])
                : FixtureWindow(status: .success, durationSeconds: 1, metrics: "{not json", attempts: [FixtureAttempt(failureClass: nil, reason: nil, durationSeconds: 1)])
        }
        defer { fixture.remove() }
        let m = try fixture.model()
        let html = HTMLRenderer.render(m)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<full>"))
        #expect(html.contains("disk &lt;full&gt; &amp; &quot;quoted&quot; &#39;x&#39; | pipe"))
        #expect(m.validationAUC.excluded == 1)
        let markdown = MarkdownRenderer.render(m)
        #expect(markdown.contains("| `rm -rf '<tmp>'` |"))
        #expect(markdown.contains("- **Root cause**: `disk <full> & \"quoted\" 'x' | pipe`"))
        #expect(!Expect.section("Detailed Failure Log", in: markdown).contains(" | pipe"))
    }

    @Test(.enabled(if: Chromium.isAvailable, "\(Chromium.absenceReason)"))
    func htmlRendersInHeadlessChromium() throws {
        let fixture = try Scenarios.seed()
        defer { fixture.remove() }
        let html = HTMLRenderer.render(try fixture.model())
        for id in Self.chartIds { #expect(html.contains("<svg id=\"\(id)\"")) }
        let dir = fixture.directory.appendingPathComponent("render")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let page = dir.appendingPathComponent("report.html"), png = dir.appendingPathComponent("report.png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let result = try Chromium.renderCheck(html: page, png: png, requiredIds: Self.chartIds)
        #expect(result.status == 0, "render-html.sh: \(result.output)")
        let size = (try? FileManager.default.attributesOfItem(atPath: png.path)[.size] as? Int) ?? 0
        #expect(size > 10_000, "screenshot of \(size) bytes")
    }
}

/// Headless Chromium through scripts/render-html.sh.
enum Chromium {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/render-html.sh")

    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }()

    static var isAvailable: Bool {
        if executable == nil { print("skipping the headless Chromium render: \(absenceReason)") }
        return executable != nil
    }

    static let absenceReason = "no chromium on PATH (Debian: apt-get install -y chromium)"

    static func renderCheck(html: URL, png: URL, requiredIds: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, html.path, png.path] + requiredIds
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
