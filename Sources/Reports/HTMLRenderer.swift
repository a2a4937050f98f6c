import Foundation

/// The report as one self-contained HTML page: the Markdown's content plus the four SVG charts.
public enum HTMLRenderer {
    public static func render(_ m: ReportModel) -> String {
        let title = HTMLText.escape(ReportText.title(m))
        let body = [header(m), summary(m), quality(m), outcomes(m), classification(m), detailedLog(m), impact(m),
                    distributions(m), actions(m), evidence(m)].joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func header(_ m: ReportModel) -> String {
        "<header><h1>\(e(ReportText.title(m)))</h1>" + facts([
            ("Batch ID", code(m.batchId)),
            ("Created", e(m.createdAt)),
            ("Started", e(m.startedAt ?? "not recorded")),
            ("Finished", e(m.finishedAt ?? "not recorded")),
            ("Universe", e(m.universe ?? "none (explicit symbol list)")),
            ("Training range", e(ReportText.trainingRange(m))),
            ("Total windows", e(ReportText.windowShape(m))),
            ("Configuration", e(ReportText.configuration(m))),
        ]) + "</header>"
    }

    static func summary(_ m: ReportModel) -> String {
        let badge = "<span class=\"badge status-\(m.status.rawValue)\">\(e(m.status.rawValue.uppercased()))</span> \(e(m.statusMeaning))"
        return section("summary", "Executive Summary", facts([
            ("Status", badge),
            ("Trained", e(ReportText.trained(m))),
            ("Skipped", e(ReportText.skipped(m))),
            ("Failed", e(ReportText.failed(m))),
            ("Not run", e(ReportText.notRun(m))),
            ("Retries", e(ReportText.retries(m))),
            ("Training duration", e(ReportText.duration(m))),
            ("Time per window", e(ReportText.timePerWindow(m))),
            ("Workers", "\(m.workers)"),
        ]) + "<p class=\"finding\"><strong>Finding:</strong> \(e(m.finding))</p>")
    }

    static func quality(_ m: ReportModel) -> String {
        guard let q = m.quality else {
            return section("quality", QualityText.heading, "<p>\(e(QualityText.notEvaluated))</p><pre>\(code(m.evaluateCommand))</pre>")
        }
        let verdictClass = q.verdict == .evidenceOfSkill ? "status-completed" : "status-failed"
        var html = "<p class=\"finding\"><span class=\"badge \(verdictClass)\">\(e(QualityText.verdict(q)))</span> \(e(q.verdictText))</p>"
        html += table(["measure", "value", "without skill"], QualityText.headline(q).map { [$0.0, $0.1, $0.2] })
        html += "<p>\(e(QualityText.promotedLine(q)))</p>"
        if let b = m.backtest { html += "<p>\(e(b.sentence)) <a href=\"\(e(b.path))\">\(e(b.path))</a></p>" }
        html += "<div class=\"charts\"><figure>\(QualityCharts.rankIC(q))</figure><figure>\(QualityCharts.topKCumulative(q))</figure><figure>\(QualityCharts.calibration(q))</figure></div>"
        html += "<h3>Calibration</h3>" + table(QualityText.calibrationColumns, QualityText.calibrationRows(q))
        html += "<h3>Per symbol</h3><p>\(e(QualityText.nullNote))</p>" + table(QualityText.symbolColumns, QualityText.symbolRows(q))
        return section("quality", QualityText.heading, html)
    }

    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        "<div class=\"table-wrap\"><table><thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            + rows.map { "<tr>" + $0.map { "<td>\(e($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table></div>"
    }

    static func outcomes(_ m: ReportModel) -> String {
        section("outcomes", "Outcomes", """
        <figure>\(SVGCharts.outcomeGrid(m))<figcaption>One square per window: rows are symbols, columns are window ranges. Hover a square for its label and reason.</figcaption></figure>
        <figure>\(SVGCharts.classCounts(m))<figcaption>Windows per outcome class, split by status.</figcaption></figure>
        """)
    }

    static func classification(_ m: ReportModel) -> String {
        var html = ""
        if m.rootCauses.isEmpty {
            html += "<p>Nothing to classify: no window failed or was skipped.</p>"
        }
        for g in m.rootCauses {
            html += "<div class=\"group\" id=\"root-cause-\(g.id)\"><h3>\(e(ReportText.groupHeading(g)))</h3>" + facts([
                ("Root cause", code(g.normalizedReason)),
                ("Class", e(ReportText.classLine(g.failureClass))),
                ("Retried", e(ReportText.retried(g))),
                ("Affected symbols (\(g.symbols.count))", e(g.symbols.joined(separator: ", "))),
            ]) + "<div><strong>Representative error</strong></div><pre>\(e(g.representativeError))</pre></div>"
        }
        html += "<h3>Recovered by retry</h3>"
        if m.recoveredByRetry.isEmpty {
            html += "<p>No window needed a retry to train.</p>"
        } else {
            html += "<ul>" + m.recoveredByRetry.map { r in
                "<li><strong>\(e(ReportText.className(r.failureClass)))</strong> \(code(r.normalizedReason)): \(e(ReportText.recovered(r))). Example: \(code(r.representativeError))</li>"
            }.joined() + "</ul>"
        }
        return section("classification", "Failure Classification", html)
    }

    static func detailedLog(_ m: ReportModel) -> String {
        let rows = m.unsuccessfulWindows
        guard !rows.isEmpty else { return section("detailed-log", "Detailed Failure Log", "<p>Every window trained; nothing to list.</p>") }
        var html = "<div class=\"table-wrap\"><table><thead><tr><th>#</th><th>Symbol</th><th>Window Label</th><th>Date Range</th><th>Attempts</th><th>Status</th><th>Class</th><th>Group</th><th>Action</th></tr></thead><tbody>"
        for (i, w) in rows.enumerated() {
            let action = w.remedy.map(code)
                ?? e(w.status == .pending || w.status == .running ? "rerun with --resume (below)" : "none recorded")
            let group = w.rootCause.map { "<a href=\"#root-cause-\($0)\">\($0)</a>" } ?? "-"
            html += "<tr><td class=\"num\">\(i + 1)</td><td>\(e(w.symbol))</td><td>\(breakableLabel(w.label))</td><td>\(nowrap("\(w.startDate) →")) \(nowrap(w.endDate))</td><td class=\"num\">\(w.attempts)</td><td>\(e(ReportText.windowStatus(w)))</td><td>\(e(ReportText.windowClass(w)))</td><td class=\"num\">\(group)</td><td class=\"action\">\(action)</td></tr>"
        }
        return section("detailed-log", "Detailed Failure Log", html + "</tbody></table></div>")
    }

    static func impact(_ m: ReportModel) -> String {
        let i = m.impact, n = m.symbols.count
        let partly = i.partlyTrained.isEmpty ? "none" : i.partlyTrained.map { "\($0.symbol) (\($0.trainedWindows)/\($0.totalWindows))" }.joined(separator: ", ")
        return section("impact", "Impact Assessment", "<h3>Training Coverage</h3><p>\(e(ReportText.coverage(m)))</p><h3>Symbols</h3>" + facts([
            ("Fully trained (\(Formatting.ratio(i.fullyTrained.count, n)))", e(list(i.fullyTrained))),
            ("Partly trained (\(Formatting.ratio(i.partlyTrained.count, n)))", e(partly)),
            ("Not trained (\(Formatting.ratio(i.notTrained.count, n)))", e(list(i.notTrained))),
        ]))
    }

    static func distributions(_ m: ReportModel) -> String {
        let decimals = ReportText.durationDecimals(m.windowDurations)
        return section("distributions", "Distributions", """
        <div class="charts">
        <figure>\(SVGCharts.histogram(id: SVGCharts.durationHistogramId, m.windowDurations, title: "Window training duration (s)", decimals: decimals))<figcaption>\(e(ReportText.distributionSummary(m.windowDurations, decimals: decimals, unit: "s")))</figcaption></figure>
        <figure>\(SVGCharts.histogram(id: SVGCharts.aucHistogramId, m.validationAUC, title: "Early-stopping AUC (in-window, not model quality)", decimals: 2))<figcaption>\(e(ReportText.distributionSummary(m.validationAUC, decimals: 3, unit: "")))</figcaption></figure>
        </div>
        """)
    }

    static func actions(_ m: ReportModel) -> String {
        guard let resume = m.resumeCommand else {
            return section("actions", "Recommended Actions", "<p>Nothing to do: every window trained.</p>")
        }
        var html = "<ol class=\"actions\">"
        for a in m.actions {
            html += "<li><strong>\(e(a.title))</strong>"
            if let note = a.note { html += "<div class=\"muted\">\(e(note))</div>" }
            if !a.commands.isEmpty { html += "<pre><code>\(e(a.commands.joined(separator: "\n")))</code></pre>" }
            html += "</li>"
        }
        let after = m.actions.isEmpty ? "" : " (after the steps above)"
        html += "<li><strong>Rerun the windows that did not train\(e(after))</strong>: <code>--resume</code> runs exactly those.<pre><code>\(e(resume))</code></pre></li></ol>"
        return section("actions", "Recommended Actions", html)
    }

    static func evidence(_ m: ReportModel) -> String {
        let ev = m.evidence
        var html = facts([
            ("Batch directory", code(ev.batchDirectory)),
            ("Ledger", code(ev.ledgerPath)),
            ("Log", ev.logPath.map(code) ?? "none recorded"),
            ("Data directory", code(ev.dataDirectory)),
            ("Runs", "\(m.runs) (the first run plus resumes)"),
            ("Symbols (\(m.symbols.count))", e(list(m.symbols))),
            ("Ledger consistency", ReportText.ledgerConsistency(m).map(e).joined(separator: "<br>")),
        ])
        html += "<h3>Parameters used</h3>"
        if let p = ev.parameters {
            html += "<table class=\"narrow\"><thead><tr><th>Parameter</th><th>Value</th></tr></thead><tbody>"
                + ReportText.parameterRows(p).map { "<tr><td>\(e($0.0))</td><td>\(e($0.1))</td></tr>" }.joined()
                + "</tbody></table>"
        } else {
            html += "<p>The recorded parameters could not be decoded; as recorded:</p><pre>\(e(ev.parametersRecorded))</pre>"
        }
        return section("evidence", "Evidence", html)
    }

    private static func section(_ id: String, _ heading: String, _ content: String) -> String {
        "<section id=\"\(id)\"><h2>\(e(heading))</h2>\(content)</section>"
    }

    /// Definition list; values are already HTML.
    private static func facts(_ items: [(String, String)]) -> String {
        "<dl class=\"facts\">" + items.map { "<dt>\(e($0.0))</dt><dd>\($0.1)</dd>" }.joined() + "</dl>"
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }
    private static func nowrap(_ text: String) -> String { "<span class=\"nowrap\">\(e(text))</span>" }

    /// `SYMBOL_START_to_` and `END` each stay whole, so a narrow column breaks the label
    /// between the dates instead of inside one.
    private static func breakableLabel(_ label: String) -> String {
        guard let cut = label.range(of: "_to_", options: .backwards) else { return e(label) }
        return nowrap(String(label[..<cut.upperBound])) + "<wbr>" + nowrap(String(label[cut.upperBound...]))
    }
    private static func code(_ text: String) -> String { "<code>\(e(text))</code>" }
    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
