import Foundation
import GRDB
import MarketData
import SystemIO

public enum BatchStatus: String, Codable, Sendable, DatabaseValueConvertible {
    case running, completed, partial, failed, interrupted
}

public enum WindowStatus: String, Codable, Sendable, DatabaseValueConvertible {
    case pending, running, success, skipped, failed
}

extension FailureClass: DatabaseValueConvertible {}

/// One batch: what was asked, how it went.
public struct BatchRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "batches"

    public var id: String
    public var createdAt: Date
    public var status: BatchStatus
    /// `BatchParameters` as JSON: the parameters actually used.
    public var parameters: String
    /// The symbols as a JSON array, and the universe name when one was used.
    public var symbols: String
    public var universe: String?
    public var batchDir: String
    public var logPath: String?
    public var total: Int
    public var succeeded: Int
    public var skipped: Int
    public var failed: Int
    /// Attempts beyond the first, over all windows.
    public var retries: Int
    public var workers: Int
    public var runs: Int
    /// The process running the batch while `status` is `running`; a dead pid means it was killed.
    public var pid: Int?
    /// When that process started (clock ticks since boot), so a reused pid is not mistaken for it.
    public var pidStartTime: Int64? = nil
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Wall time spent training, summed over the batch's runs (first run and resumes).
    public var durationSeconds: Double

    public var attempted: Int { succeeded + failed }
    /// Failed over attempted windows (skips excluded): what the threshold applies to.
    public var failureRate: Double { attempted == 0 ? 0 : Double(failed) / Double(attempted) }
    /// Failed over all windows, reported beside it.
    public var failureRateAllWindows: Double { total == 0 ? 0 : Double(failed) / Double(total) }

    public init(id: String, createdAt: Date, status: BatchStatus, parameters: String, symbols: String, universe: String?,
                batchDir: String, logPath: String?, total: Int, succeeded: Int, skipped: Int, failed: Int, retries: Int,
                workers: Int, runs: Int, pid: Int?, pidStartTime: Int64? = nil, startedAt: Date?, finishedAt: Date?,
                durationSeconds: Double) {
        self.id = id
        self.createdAt = createdAt
        self.status = status
        self.parameters = parameters
        self.symbols = symbols
        self.universe = universe
        self.batchDir = batchDir
        self.logPath = logPath
        self.total = total
        self.succeeded = succeeded
        self.skipped = skipped
        self.failed = failed
        self.retries = retries
        self.workers = workers
        self.runs = runs
        self.pid = pid
        self.pidStartTime = pidStartTime
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.durationSeconds = durationSeconds
    }

    public func decodedParameters() throws -> BatchParameters {
        try JSONDecoder().decode(BatchParameters.self, from: Data(parameters.utf8))
    }

    /// Recorded as running by a process that is gone: it was killed.
    public var wasKilled: Bool {
        guard status == .running, let pid else { return false }
        return !ProcessIdentity.isAlive(pid, startedAt: pidStartTime.map(UInt64.init))
    }

    /// Running now in another live process.
    public var isRunningElsewhere: Bool {
        guard status == .running, let pid, pid != Int(ProcessInfo.processInfo.processIdentifier) else { return false }
        return ProcessIdentity.isAlive(pid, startedAt: pidStartTime.map(UInt64.init))
    }

    public func decodedSymbols() -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(symbols.utf8))) ?? []
    }
}

/// One window of a batch.
public struct WindowRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "windows"

    public var batchId: String
    public var label: String
    public var ordinal: Int
    public var symbol: String
    public var startDate: String
    public var endDate: String
    public var status: WindowStatus
    public var failureClass: FailureClass?
    public var reason: String?
    public var remedy: Remedy?
    public var attempts: Int
    public var durationSeconds: Double?
    /// Teacher metrics as JSON (sorted keys), on success.
    public var metrics: String?
    /// Row counts as JSON: total, train, validation.
    public var sampleCounts: String?
    public var artifactsPath: String?
    public var finishedAt: Date?

    public init(batchId: String, ordinal: Int, window: PlannedWindow) {
        self.batchId = batchId
        self.label = window.label
        self.ordinal = ordinal
        self.symbol = window.symbol
        self.startDate = window.range.first.description
        self.endDate = window.range.last.description
        self.status = .pending
        self.attempts = 0
    }

    public var window: PlannedWindow? {
        guard let a = CalendarDay(startDate), let b = CalendarDay(endDate) else { return nil }
        return PlannedWindow(symbol: symbol, range: DayRange(a, b))
    }
}

/// One attempt at one window: kept so reports can say what was retried and why.
public struct AttemptRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "attempts"

    public var batchId: String
    public var label: String
    public var attempt: Int
    public var run: Int
    public var failureClass: FailureClass?
    public var reason: String?
    public var durationSeconds: Double
    public var startedAt: Date

    public init(batchId: String, label: String, attempt: Int, run: Int, failureClass: FailureClass?, reason: String?,
                durationSeconds: Double, startedAt: Date) {
        self.batchId = batchId
        self.label = label
        self.attempt = attempt
        self.run = run
        self.failureClass = failureClass
        self.reason = reason
        self.durationSeconds = durationSeconds
        self.startedAt = startedAt
    }
}

/// Remedies are stored as JSON. A ledger written before remedies were data holds plain text,
/// which reads back as advice.
extension Remedy: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)).databaseValue
    }

    public static func fromDatabaseValue(_ value: DatabaseValue) -> Remedy? {
        guard let text = String.fromDatabaseValue(value) else { return nil }
        return (try? JSONDecoder().decode(Remedy.self, from: Data(text.utf8))) ?? .advice(text)
    }
}

/// A batch's out-of-sample evaluation: the verdict, the promoted symbols, the gate settings
/// that decided them, and the whole summary (all JSON).
public struct EvaluationRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "evaluations"

    public var batchId: String
    public var evaluatedAt: Date
    public var verdict: String
    /// The promoted symbols as a JSON array.
    public var promoted: String
    public var settings: String
    public var summary: String

    public init(batchId: String, evaluatedAt: Date, verdict: String, promoted: String, settings: String, summary: String) {
        self.batchId = batchId
        self.evaluatedAt = evaluatedAt
        self.verdict = verdict
        self.promoted = promoted
        self.settings = settings
        self.summary = summary
    }

    public func decodedPromoted() -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(promoted.utf8))) ?? []
    }
}
