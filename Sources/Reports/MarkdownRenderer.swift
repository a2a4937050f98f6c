import Foundation

/// The report as Markdown, in the structure of the original's hand-written failure report.
public enum MarkdownRenderer {
    public static func render(_ m: ReportModel) -> String {
        [header(m), summary(m), quality(m), classification(m), detailedLog(m), impact(m), distributions(m), actions(m), evidence(m)]
            .joined(separator: "\n\n---\n\n") + "\n"
    }

    static func header(_ m: ReportModel) -> String {
        var lines = ["# \(MarkdownText.plain(ReportText.title(m)))", ""]
        lines += bullets([
            ("Batch ID", MarkdownText.code(m.batchId)),
            ("Created", m.createdAt),
            ("Started", m.startedAt ?? "not recorded"),
            ("Finished", m.finishedAt ?? "not recorded"),
            ("Universe", m.universe.map(MarkdownText.plain) ?? "none (explicit symbol list)"),
            ("Training range", ReportText.trainingRange(m)),
            ("Total windows", ReportText.windowShape(m)),
            ("Configuration", MarkdownText.plain(ReportText.configuration(m))),
        ])
        return lines.joined(separator: "\n")
    }

    static func summary(_ m: ReportModel) -> String {
        var lines = ["## Executive Summary", ""]
        lines += bullets([
            ("Status", ReportText.status(m)),
            ("Trained", ReportText.trained(m)),
            ("Skipped", ReportText.skipped(m)),
            ("Failed", ReportText.failed(m)),
            ("Not run", ReportText.notRun(m)),
            ("Retries", ReportText.retries(m)),
            ("Training duration", ReportText.duration(m)),
            ("Time per window", ReportText.timePerWindow(m)),
            ("Workers", "\(m.workers)"),
        ])
        lines += ["", "**Finding**: \(MarkdownText.plain(m.finding))"]
        return lines.joined(separator: "\n")
    }

    static func quality(_ m: ReportModel) -> String {
        var lines = ["## \(QualityText.heading)", ""]
        guard let q = m.quality else {
            lines += [MarkdownText.plain(QualityText.notEvaluated), "", MarkdownText.block(m.evaluateCommand)]
            return lines.joined(separator: "\n")
        }
        lines += ["**\(QualityText.verdict(q))** \(MarkdownText.plain(q.verdictText))", ""]
        lines += table(["measure", "value", "without skill"], QualityText.headline(q).map { [$0.0, $0.1, $0.2] })
        lines += ["", MarkdownText.plain(QualityText.promotedLine(q))]
        if let b = m.backtest { lines += ["", "\(MarkdownText.plain(b.sentence)) [\(b.path)](\(b.path))"] }
        lines += ["", "### Calibration", ""]
        lines += table(QualityText.calibrationColumns, QualityText.calibrationRows(q))
        lines += ["", "### Per symbol", "", MarkdownText.plain(QualityText.nullNote), ""]
        lines += table(QualityText.symbolColumns, QualityText.symbolRows(q))
        return lines.joined(separator: "\n")
    }

    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
            + rows.map { "| " + $0.map(MarkdownText.cell).joined(separator: " | ") + " |" }
    }

    static func classification(_ m: ReportModel) -> String {
        var lines = ["## Failure Classification", ""]
        if m.rootCauses.isEmpty {
            lines.append("Nothing to classify: no window failed or was skipped.")
        }
        for g in m.rootCauses {
            lines += ["### \(MarkdownText.plain(ReportText.groupHeading(g)))", ""]
            lines += bullets([
                ("Root cause", MarkdownText.code(g.normalizedReason)),
                ("Class", MarkdownText.plain(ReportText.classLine(g.failureClass))),
                ("Retried", ReportText.retried(g)),
                ("Affected symbols (\(g.symbols.count))", g.symbols.map(MarkdownText.plain).joined(separator: ", ")),
                ("Representative error", ""),
            ])
            lines += ["", MarkdownText.block(g.representativeError), ""]
        }
        lines += ["### Recovered by retry", ""]
        if m.recoveredByRetry.isEmpty {
            lines.append("No window needed a retry to train.")
        } else {
            for r in m.recoveredByRetry {
                lines.append("- **\(ReportText.className(r.failureClass))** \(MarkdownText.code(r.normalizedReason)): \(ReportText.recovered(r)). Example: \(MarkdownText.code(r.representativeError))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func detailedLog(_ m: ReportModel) -> String {
        var lines = ["## Detailed Failure Log", ""]
        let rows = m.unsuccessfulWindows
        guard !rows.isEmpty else {
            lines.append("Every window trained; nothing to list.")
            return lines.joined(separator: "\n")
        }
        lines.append("| # | Symbol | Window Label | Date Range | Attempts | Status | Class | Group | Action |")
        lines.append("|---|--------|--------------|------------|----------|--------|-------|-------|--------|")
        for (i, w) in rows.enumerated() {
            let action = w.remedy.map { MarkdownText.cell(MarkdownText.code($0)) }
                ?? (w.status == .pending || w.status == .running ? "rerun with --resume (below)" : "none recorded")
            let cells = [
                "\(i + 1)", MarkdownText.cell(w.symbol), MarkdownText.cell(w.label), "\(w.startDate) → \(w.endDate)",
                "\(w.attempts)", ReportText.windowStatus(w), ReportText.windowClass(w),
                w.rootCause.map { "\($0)" } ?? "-", action,
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    static func impact(_ m: ReportModel) -> String {
        var lines = ["## Impact Assessment", "", "### Training Coverage", ""]
        lines.append("- \(ReportText.coverage(m))")
        lines += ["", "### Symbols", ""]
        let i = m.impact
        let n = m.symbols.count
        lines.append("- **Fully trained** (\(Formatting.ratio(i.fullyTrained.count, n))): \(list(i.fullyTrained))")
        lines.append("- **Partly trained** (\(Formatting.ratio(i.partlyTrained.count, n))): \(i.partlyTrained.isEmpty ? "none" : i.partlyTrained.map { "\(MarkdownText.plain($0.symbol)) (\($0.trainedWindows)/\($0.totalWindows))" }.joined(separator: ", "))")
        lines.append("- **Not trained** (\(Formatting.ratio(i.notTrained.count, n))): \(list(i.notTrained))")
        return lines.joined(separator: "\n")
    }

    static func distributions(_ m: ReportModel) -> String {
        var lines = ["## Distributions", "", "### Window durations", ""]
        let decimals = ReportText.durationDecimals(m.windowDurations)
        lines.append(ReportText.distributionSummary(m.windowDurations, decimals: decimals, unit: "s"))
        lines += histogram(m.windowDurations, decimals: decimals, unit: "seconds")
        lines += ["", "### Early-stopping AUC (in-window: not model quality)", ""]
        lines.append(ReportText.distributionSummary(m.validationAUC, decimals: 3, unit: ""))
        lines += histogram(m.validationAUC, decimals: 2, unit: "AUC")
        return lines.joined(separator: "\n")
    }

    static func histogram(_ d: Distribution, decimals: Int, unit: String) -> [String] {
        guard d.count > 0 else { return [] }
        var lines = ["", "| \(unit) | windows |", "|---|---|"]
        for (i, b) in d.bins.enumerated() where b.count > 0 {
            lines.append("| \(ReportText.binLabel(b, decimals: decimals, isLast: i == d.bins.count - 1)) | \(b.count) |")
        }
        lines.append("")
        lines.append("Bins with no windows are omitted.")
        return lines
    }

    static func actions(_ m: ReportModel) -> String {
        var lines = ["## Recommended Actions", ""]
        guard let resume = m.resumeCommand else {
            lines.append("Nothing to do: every window trained.")
            return lines.joined(separator: "\n")
        }
        var step = 1
        for a in m.actions {
            lines.append("\(step). **\(MarkdownText.plain(a.title))**")
            if let note = a.note { lines.append("   \(MarkdownText.plain(note))") }
            if !a.commands.isEmpty { lines += ["", MarkdownText.block(a.commands.joined(separator: "\n"), indent: "   ")] }
            lines.append("")
            step += 1
        }
        let after = m.actions.isEmpty ? "" : " (after the steps above)"
        lines.append("\(step). **Rerun the windows that did not train\(after)**: `--resume` runs exactly those.")
        lines += ["", MarkdownText.block(resume, indent: "   ")]
        return lines.joined(separator: "\n")
    }

    static func evidence(_ m: ReportModel) -> String {
        let e = m.evidence
        var lines = ["## Evidence", ""]
        lines += bullets([
            ("Batch directory", MarkdownText.code(e.batchDirectory)),
            ("Ledger", MarkdownText.code(e.ledgerPath)),
            ("Log", e.logPath.map(MarkdownText.code) ?? "none recorded"),
            ("Data directory", MarkdownText.code(e.dataDirectory)),
            ("Runs", "\(m.runs) (the first run plus resumes)"),
            ("Symbols (\(m.symbols.count))", list(m.symbols)),
        ])
        lines += ReportText.ledgerConsistency(m).map { "- **Ledger consistency**: \(MarkdownText.plain($0))" }
        lines += ["", "### Parameters used", ""]
        if let p = e.parameters {
            lines += ["| Parameter | Value |", "|---|---|"]
            lines += ReportText.parameterRows(p).map { "| \($0.0) | \(MarkdownText.cell($0.1)) |" }
        } else {
            lines += ["The recorded parameters could not be decoded; as recorded:", "", MarkdownText.block(e.parametersRecorded)]
        }
        return lines.joined(separator: "\n")
    }

    private static func bullets(_ items: [(String, String)]) -> [String] {
        items.map { "- **\($0.0)**:" + ($0.1.isEmpty ? "" : " \($0.1)") }
    }

    private static func list(_ symbols: [String]) -> String {
        symbols.isEmpty ? "none" : symbols.map(MarkdownText.plain).joined(separator: ", ")
    }
}
