import Batch
import Evaluation
import Foundation
import MarketData

/// Every fact a report states, computed once from the ledger by `ReportModelBuilder`.
/// The Markdown, HTML and JSON renderers only format it, so they cannot disagree.
/// Encoded as-is by `JSONRenderer`; the schema is documented in docs/report-json.md.
public struct ReportModel: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var batchId: String
    public var status: BatchStatus
    /// What `status` means, in one sentence.
    public var statusMeaning: String
    /// Ledger timestamps in IST (`YYYY-MM-DD HH:MM:SS+05:30`).
    public var createdAt: String
    public var startedAt: String?
    public var finishedAt: String?
    public var universe: String?
    /// The batch's symbols in plan order.
    public var symbols: [String]
    /// The distinct window date ranges, in date order; `WindowFacts.column` indexes this.
    public var windowRanges: [WindowRange]
    public var counts: WindowCounts
    public var rates: Rates
    public var timing: Timing
    public var workers: Int
    public var runs: Int
    /// One sentence naming the root causes (or saying every window trained).
    public var finding: String
    /// Windows per outcome: `success`, each failure class, `unclassified`, `not run`.
    public var countsByClass: [ClassCount]
    /// Failures and skips grouped by status, class and normalized reason, largest first.
    public var rootCauses: [RootCauseGroup]
    /// Failed attempts of windows that later succeeded, grouped the same way.
    public var recoveredByRetry: [RetryGroup]
    /// Every window in plan order.
    public var windows: [WindowFacts]
    public var impact: Impact
    public var windowDurations: Distribution
    /// In-window AUC on the rows early stopping chose the iteration on: not model quality.
    public var validationAUC: Distribution
    /// One action per root cause group, in group order.
    public var actions: [RecommendedAction]
    /// The out-of-sample evaluation (`sensequant evaluate`), when the batch has one.
    public var quality: EvaluationSummary?
    /// The command that (re)evaluates the batch.
    public var evaluateCommand: String
    /// The batch's backtest (`sensequant backtest`), when it has one.
    public var backtest: BacktestLink?
    /// `sensequant train --resume ...`, present when any window did not succeed.
    public var resumeCommand: String?
    public var evidence: Evidence

    /// The windows the detailed table lists: everything that did not succeed.
    public var unsuccessfulWindows: [WindowFacts] { windows.filter { $0.status != .success } }
}

public struct WindowRange: Codable, Sendable, Equatable, Hashable {
    /// `W1`, `W2`, ... in date order.
    public var name: String
    public var startDate: String
    public var endDate: String
}

public struct WindowCounts: Codable, Sendable, Equatable {
    public var total: Int
    public var succeeded: Int
    public var skipped: Int
    public var failed: Int
    /// Windows still `pending` or `running` (an interrupted or killed batch).
    public var notRun: Int
    /// Succeeded plus failed: the windows training was tried on.
    public var attempted: Int
    /// Attempts beyond the first, summed over all windows.
    public var retries: Int
    /// Rows in the attempts table.
    public var attemptRecords: Int
}

public struct Rates: Codable, Sendable, Equatable {
    /// Succeeded over all windows.
    public var successRate: Double
    /// Skipped over all windows.
    public var skipRate: Double
    /// Failed over attempted windows: what the threshold applies to.
    public var failureRate: Double
    /// Failed over all windows.
    public var failureRateAllWindows: Double
    /// The batch's `--max-failure-rate`; nil when the recorded parameters could not be read.
    public var maxFailureRate: Double?
    /// `failureRate <= maxFailureRate`; nil without a threshold.
    public var withinThreshold: Bool?
}

public struct Timing: Codable, Sendable, Equatable {
    /// Wall time spent training, summed over the batch's runs.
    public var durationSeconds: Double
    /// Windows with a final outcome (succeeded, skipped or failed).
    public var finishedWindows: Int
    /// `durationSeconds / finishedWindows`; nil when nothing finished.
    public var secondsPerFinishedWindow: Double?
}

public struct ClassCount: Codable, Sendable, Equatable {
    /// `success`, a `FailureClass` name, `unclassified` (failed or skipped with no class) or `not run`.
    public var name: String
    public var succeeded: Int
    public var skipped: Int
    public var failed: Int
    /// Pending or running.
    public var notRun: Int
    public var total: Int
}

public struct WindowFacts: Codable, Sendable, Equatable {
    public var label: String
    public var symbol: String
    public var startDate: String
    public var endDate: String
    /// Index into `ReportModel.windowRanges`.
    public var column: Int
    public var status: WindowStatus
    public var failureClass: FailureClass?
    public var reason: String?
    public var remedy: String?
    /// The window's attempt count as the ledger records it.
    public var attempts: Int
    /// Rows for this window in the attempts table.
    public var attemptRecords: Int
    public var durationSeconds: Double?
    /// `val_auc` from the window's metrics, when it is a finite number.
    public var validationAUC: Double?
    /// 1-based id of the root cause group this window belongs to, if any.
    public var rootCause: Int?
    public var finishedAt: String?
}

public struct RootCauseGroup: Codable, Sendable, Equatable {
    /// 1-based, in report order.
    public var id: Int
    public var status: WindowStatus
    /// nil when the ledger recorded no class.
    public var failureClass: FailureClass?
    /// The reason with the symbol replaced by `[SYMBOL]` and dates by `[DATE]`.
    public var normalizedReason: String
    /// The first window's reason, verbatim.
    public var representativeError: String
    public var windowCount: Int
    public var windowLabels: [String]
    /// Affected symbols in plan order.
    public var symbols: [String]
    /// Windows of this group with more than one row in the attempts table.
    public var retriedWindows: Int
    /// `retriedWindows > 0`.
    public var retried: Bool
}

public struct RetryGroup: Codable, Sendable, Equatable {
    public var failureClass: FailureClass?
    public var normalizedReason: String
    public var representativeError: String
    /// Failed attempts in this group.
    public var failedAttempts: Int
    /// The windows that recovered, in plan order.
    public var windowLabels: [String]
    public var symbols: [String]
}

public struct Impact: Codable, Sendable, Equatable {
    public var trainedWindows: Int
    public var totalWindows: Int
    /// Every window of the symbol succeeded.
    public var fullyTrained: [String]
    /// Some but not all windows succeeded.
    public var partlyTrained: [SymbolCoverage]
    /// No window of the symbol succeeded.
    public var notTrained: [String]

    public struct SymbolCoverage: Codable, Sendable, Equatable {
        public var symbol: String
        public var trainedWindows: Int
        public var totalWindows: Int
    }
}

public struct Distribution: Codable, Sendable, Equatable {
    /// How many values the statistics and histogram cover.
    public var count: Int
    /// Windows left out, and why.
    public var excluded: Int
    public var exclusionReason: String
    public var minimum: Double?
    public var median: Double?
    public var mean: Double?
    public var maximum: Double?
    public var bins: [HistogramBin]
}

public struct HistogramBin: Codable, Sendable, Equatable {
    /// Inclusive lower edge; the upper edge is exclusive except for the last bin.
    public var lower: Double
    public var upper: Double
    public var count: Int
}

public struct RecommendedAction: Codable, Sendable, Equatable {
    /// The root cause group this action fixes.
    public var rootCause: Int
    public var title: String
    /// Commands to run, merged over the group's windows; empty when the ledger recorded none.
    public var commands: [String]
    /// Said instead of (or beside) commands, e.g. that none was recorded.
    public var note: String?
}

public struct Evidence: Codable, Sendable, Equatable {
    public var batchDirectory: String
    public var ledgerPath: String
    public var logPath: String?
    public var dataDirectory: String
    /// The parameters the batch ran with, as recorded; nil when they could not be decoded.
    public var parameters: BatchParameters?
    /// The recorded parameters verbatim (JSON text).
    public var parametersRecorded: String
    /// Where the batch row's own counters disagree with its windows (the report uses the windows).
    public var ledgerDiscrepancies: [String]
}

/// The headline of `<batch dir>/backtest/backtest.json`, linked from the report.
public struct BacktestLink: Codable, Sendable, Equatable {
    /// Relative to the batch directory.
    public var path: String
    public var netReturn: Double
    public var grossReturn: Double
    public var benchmarkReturn: Double
    public var totalCharges: Double
    public var trades: Int

    /// Reads `backtest.json` under `batchDir`; nil when there is none or it cannot be read.
    static func read(batchDir: String) -> BacktestLink? {
        let url = URL(fileURLWithPath: batchDir).appendingPathComponent("backtest/backtest.json")
        guard let data = try? Data(contentsOf: url),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let net = json["net_return"] as? Double, let gross = json["gross_return"] as? Double,
              let benchmark = json["benchmark_return"] as? Double, let trades = json["trades"] as? Int,
              let charges = json["total_charges"] as? Double
        else { return nil }
        return BacktestLink(path: "backtest/backtest.html", netReturn: net, grossReturn: gross, benchmarkReturn: benchmark,
                            totalCharges: charges, trades: trades)
    }

    var sentence: String {
        String(format: "Backtest after costs: net %.2f%% (gross %.2f%%) against %.2f%% for equal-weight buy-and-hold; Rs %.2f in charges over %d fills.",
               netReturn * 100, grossReturn * 100, benchmarkReturn * 100, totalCharges, trades)
    }
}
