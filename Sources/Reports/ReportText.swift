import Foundation
import Batch
import MarketData

/// Sentences and table rows that both the Markdown and the HTML print, written once.
enum ReportText {
    static func title(_ m: ReportModel) -> String { "Training Report: \(m.batchId)" }

    /// `96 symbols × 2 windows`, or the honest counts when symbols have different window counts.
    static func windowShape(_ m: ReportModel) -> String {
        let perSymbol = Dictionary(grouping: m.windows, by: \.symbol).mapValues(\.count)
        if let n = Set(perSymbol.values).first, Set(perSymbol.values).count == 1, perSymbol.count == m.symbols.count {
            return "\(m.counts.total) (\(Formatting.plural(m.symbols.count, "symbol")) × \(Formatting.plural(n, "window")))"
        }
        return "\(m.counts.total) (\(Formatting.plural(m.symbols.count, "symbol")), \(Formatting.plural(m.windowRanges.count, "distinct date range")))"
    }

    static func trainingRange(_ m: ReportModel) -> String {
        guard let p = m.evidence.parameters else { return "unknown (the recorded parameters could not be decoded)" }
        return "\(p.startDate) to \(p.endDate), windows of \(p.windowDays) days every \(p.stepDays) days, \(Formatting.plural(m.windowRanges.count, "window range"))"
    }

    static func configuration(_ m: ReportModel) -> String {
        guard let p = m.evidence.parameters else { return "unknown (the recorded parameters could not be decoded)" }
        return "interval \(p.interval.rawValue), forecast horizon \(p.forecastHorizon) bars, label threshold \(p.threshold), split \(p.split), LightGBM overrides: \(overrides(p))"
    }

    static func overrides(_ p: BatchParameters) -> String {
        p.lightgbmOverrides.isEmpty ? "none (defaults)" : p.lightgbmOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    static func status(_ m: ReportModel) -> String { "\(m.status.rawValue.uppercased()). \(m.statusMeaning)" }

    static func trained(_ m: ReportModel) -> String {
        "\(Formatting.ratio(m.counts.succeeded, m.counts.total)) windows (\(Formatting.percent(m.rates.successRate)))"
    }

    static func skipped(_ m: ReportModel) -> String {
        "\(Formatting.ratio(m.counts.skipped, m.counts.total)) windows (\(Formatting.percent(m.rates.skipRate))), decided before training"
    }

    static func failed(_ m: ReportModel) -> String {
        let overAttempted = "\(Formatting.ratio(m.counts.failed, m.counts.attempted)) attempted windows (\(Formatting.percent(m.rates.failureRate)))"
        let overAll = "\(Formatting.ratio(m.counts.failed, m.counts.total)) of all windows (\(Formatting.percent(m.rates.failureRateAllWindows)))"
        return "\(overAttempted), \(threshold(m)); \(overAll)"
    }

    static func threshold(_ m: ReportModel) -> String {
        guard let max = m.rates.maxFailureRate, let within = m.rates.withinThreshold else {
            return "threshold unknown (the recorded parameters could not be decoded)"
        }
        return within ? "within the \(Formatting.percent(max)) threshold" : "ABOVE the \(Formatting.percent(max)) threshold"
    }

    static func notRun(_ m: ReportModel) -> String {
        "\(Formatting.plural(m.counts.notRun, "window")) still pending or running"
    }

    static func retries(_ m: ReportModel) -> String {
        "\(m.counts.retries) attempt\(m.counts.retries == 1 ? "" : "s") beyond the first (\(Formatting.plural(m.counts.attemptRecords, "attempt record")) in the ledger)"
    }

    static func duration(_ m: ReportModel) -> String {
        "\(Formatting.clock(m.timing.durationSeconds)) (\(Formatting.seconds(m.timing.durationSeconds))) over \(Formatting.plural(m.runs, "run"))"
    }

    static func timePerWindow(_ m: ReportModel) -> String {
        guard let perWindow = m.timing.secondsPerFinishedWindow else { return "n/a (no window finished)" }
        return "\(Formatting.seconds(perWindow)) (training time over \(Formatting.plural(m.timing.finishedWindows, "finished window")))"
    }

    static func groupHeading(_ g: RootCauseGroup) -> String {
        "\(g.id). \(className(g.failureClass)): \(g.status.rawValue), \(Formatting.plural(g.windowCount, "window"))"
    }

    static func classLine(_ c: FailureClass?) -> String { "\(className(c)): \(classMeaning(c))" }

    static func retried(_ g: RootCauseGroup) -> String {
        "\(g.retried ? "yes" : "no") (\(g.retriedWindows) of \(Formatting.plural(g.windowCount, "window")) had more than one attempt)"
    }

    static func recovered(_ r: RetryGroup) -> String {
        "\(Formatting.plural(r.failedAttempts, "failed attempt")) across \(Formatting.plural(r.windowLabels.count, "window")) (\(r.symbols.count) symbol\(r.symbols.count == 1 ? "" : "s"): \(r.symbols.joined(separator: ", "))); each of these windows then trained"
    }

    static func className(_ c: FailureClass?) -> String { c?.rawValue ?? "unclassified" }

    static func classMeaning(_ c: FailureClass?) -> String {
        switch c {
        case .dataMissing: "no bars at all where bars were needed"
        case .insufficientData: "some bars, but too few to train on"
        case .pendingFutureData: "the cache ends before the window's forward labels can be computed"
        case .preListing: "the window lies before the symbol's listing date"
        case .partialDay: "a trading day holds fewer bars than its session (an interrupted intraday fetch); fetch completes it"
        case .dataCorrupt: "a cache file the window needs is damaged; fetch moves it aside and fetches its days again"
        case .transient: "network, 5xx, timeout or rate limit: may succeed on retry"
        case .auth: "invalid or expired session, or unknown app key"
        case .quota: "the provider's daily call budget is spent"
        case .invalidInput: "bad input: malformed file, wrong dates, unknown symbol"
        case .modelError: "LightGBM rejected the data or parameters"
        case .internal: "a defect or an unexpected environment problem (disk, I/O)"
        case nil: "the ledger recorded no class"
        }
    }

    /// The table's class cell: a window that has not run yet has no class to show.
    static func windowClass(_ w: WindowFacts) -> String {
        w.failureClass == nil && (w.status == .pending || w.status == .running) ? "-" : className(w.failureClass)
    }

    static func windowStatus(_ w: WindowFacts) -> String {
        switch w.status {
        case .pending, .running: "not run (\(w.status.rawValue))"
        default: w.status.rawValue
        }
    }

    static func coverage(_ m: ReportModel) -> String {
        let missing = m.impact.totalWindows - m.impact.trainedWindows
        let symbols = Set(m.unsuccessfulWindows.map(\.symbol)).count
        return "\(Formatting.ratio(m.impact.trainedWindows, m.impact.totalWindows)) windows trained; \(Formatting.ratio(missing, m.impact.totalWindows)) not trained, across \(Formatting.plural(symbols, "symbol"))"
    }

    static func distributionSummary(_ d: Distribution, decimals: Int, unit: String) -> String {
        guard d.count > 0 else { return "No values; \(d.excluded) excluded (\(d.exclusionReason))." }
        let u = unit.isEmpty ? "" : " \(unit)"
        return "\(Formatting.plural(d.count, "window")); min \(Formatting.optional(d.minimum, decimals))\(u), median \(Formatting.optional(d.median, decimals))\(u), mean \(Formatting.optional(d.mean, decimals))\(u), max \(Formatting.optional(d.maximum, decimals))\(u); \(d.excluded) excluded (\(d.exclusionReason))."
    }

    static func binLabel(_ b: HistogramBin, decimals: Int, isLast: Bool) -> String {
        "[\(Formatting.fixed(b.lower, decimals)), \(Formatting.fixed(b.upper, decimals))\(isLast ? "]" : ")")"
    }

    /// Enough decimals to print the bin width exactly (0.0005 needs 4), at most 6.
    static func durationDecimals(_ d: Distribution) -> Int {
        guard let width = d.bins.first.map({ $0.upper - $0.lower }), width > 0 else { return 2 }
        return (0...6).first { decimals in
            let scaled = width * pow(10, Double(decimals))
            return abs(scaled - scaled.rounded()) < 1e-6
        } ?? 6
    }

    static func ledgerConsistency(_ m: ReportModel) -> [String] {
        m.evidence.ledgerDiscrepancies.isEmpty
            ? ["The batch row's counters match its windows."]
            : m.evidence.ledgerDiscrepancies.map { "\($0) (this report counts the windows)" }
    }

    /// The parameters the batch ran with, one row each, in declaration order.
    static func parameterRows(_ p: BatchParameters) -> [(String, String)] {
        // Daily labels always span the overnight gap; only intraday batches have a choice.
        let span = p.interval.isIntraday ? [("label span", (p.labelSpan ?? .overnight).rawValue)] : []
        return [
            ("start date", p.startDate.description), ("end date", p.endDate.description),
            ("interval", p.interval.rawValue), ("window days", "\(p.windowDays)"), ("step days", "\(p.stepDays)"),
            ("forecast horizon (bars)", "\(p.forecastHorizon)"), ("label threshold", "\(p.threshold)"),
            ("split", p.split), ("warm-up history", "\(p.warmup)"), ("label look-ahead", "\(p.labelLookahead)"),
            ("LightGBM overrides", overrides(p)), ("max failure rate", "\(p.maxFailureRate)"),
            ("max attempts", "\(p.maxAttempts)"), ("preflight", "\(p.preflight)"),
        ] + span
    }
}
