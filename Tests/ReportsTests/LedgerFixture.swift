import Batch
import Foundation
import MarketData
import Reports

/// One window's outcome as a test writes it into the ledger.
struct FixtureWindow {
    var status: WindowStatus
    var failureClass: FailureClass? = nil
    var reason: String? = nil
    var remedy: Remedy? = nil
    var durationSeconds: Double? = nil
    var metrics: String? = nil
    /// The attempts table rows, in order: nil class = the attempt succeeded.
    var attempts: [FixtureAttempt] = []
}

struct FixtureAttempt {
    var failureClass: FailureClass?
    var reason: String?
    var durationSeconds: Double
}

/// Builds a real ledger (a temporary SQLite file) through the Ledger API, with fixed times.
struct LedgerFixture {
    static let createdAt = Date(timeIntervalSince1970: 1_761_998_730)   // 2025-11-01 17:35:30 IST

    let directory: URL
    let ledger: Ledger
    let batch: BatchRecord
    let windows: [WindowRecord]
    let attempts: [AttemptRecord]

    /// `outcome(symbol, windowIndex)` decides each planned window's fate.
    init(batchId: String, symbols: [String], parameters: BatchParameters, status: BatchStatus, workers: Int,
         durationSeconds: Double, logPath: String?, outcome: (String, Int) -> FixtureWindow) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("reports-tests-\(UUID().uuidString)")
        let dataDir = directory.appendingPathComponent("data")
        ledger = try Ledger(root: DataRoot(url: dataDir))
        let ranges = WindowPlanner.windows(start: parameters.startDate, end: parameters.endDate,
                                           windowDays: parameters.windowDays, stepDays: parameters.stepDays)
        var windows: [WindowRecord] = []
        var attempts: [AttemptRecord] = []
        var ordinal = 0
        for symbol in symbols {
            for (index, range) in ranges.enumerated() {
                let spec = outcome(symbol, index)
                var w = WindowRecord(batchId: batchId, ordinal: ordinal, window: PlannedWindow(symbol: symbol, range: range))
                ordinal += 1
                w.status = spec.status
                w.failureClass = spec.failureClass
                w.reason = spec.reason
                w.remedy = spec.remedy
                w.attempts = spec.attempts.count
                w.durationSeconds = spec.durationSeconds
                w.metrics = spec.metrics
                if spec.status == .success {
                    w.sampleCounts = #"{"total":70,"train":56,"validation":14}"#
                    w.artifactsPath = dataDir.appendingPathComponent("models/\(batchId)/\(w.label)").path
                }
                if spec.status != .pending && spec.status != .running { w.finishedAt = LedgerFixture.createdAt.addingTimeInterval(60) }
                windows.append(w)
                for (i, a) in spec.attempts.enumerated() {
                    attempts.append(try LedgerFixture.attempt(batchId: batchId, label: w.label, number: i + 1, a))
                }
            }
        }
        let attemptedWindows = windows.filter { $0.attempts > 0 }.count
        batch = try LedgerFixture.batchRecord([
            "id": batchId,
            "createdAt": LedgerFixture.createdAt.timeIntervalSince1970,
            "startedAt": LedgerFixture.createdAt.timeIntervalSince1970 + 1,
            "finishedAt": LedgerFixture.createdAt.timeIntervalSince1970 + 1 + durationSeconds,
            "status": status.rawValue,
            "parameters": String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self),
            "symbols": String(decoding: try JSONEncoder().encode(symbols), as: UTF8.self),
            "batchDir": dataDir.appendingPathComponent("models/\(batchId)").path,
            "logPath": logPath as Any? ?? NSNull(),
            "total": windows.count,
            "succeeded": windows.filter { $0.status == .success }.count,
            "skipped": windows.filter { $0.status == .skipped }.count,
            "failed": windows.filter { $0.status == .failed }.count,
            "retries": attempts.count - attemptedWindows,
            "workers": workers, "runs": 1, "durationSeconds": durationSeconds,
        ])
        self.windows = windows
        self.attempts = attempts
        try ledger.create(batch, windows: windows)
        for a in attempts {
            try ledger.record(a, window: windows.first { $0.label == a.label }!)
        }
    }

    var dataDirectory: String { directory.appendingPathComponent("data").path }

    func model() throws -> ReportModel {
        try ReportWriter.model(batchId: batch.id, ledger: ledger, dataDirectory: "data")
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    // BatchRecord and AttemptRecord have no public memberwise initializers; they are Codable.
    private static func batchRecord(_ fields: [String: Any]) throws -> BatchRecord {
        try decoder.decode(BatchRecord.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    private static func attempt(batchId: String, label: String, number: Int, _ a: FixtureAttempt) throws -> AttemptRecord {
        let fields: [String: Any] = [
            "batchId": batchId, "label": label, "attempt": number, "run": 1,
            "failureClass": a.failureClass?.rawValue as Any? ?? NSNull(), "reason": a.reason as Any? ?? NSNull(),
            "durationSeconds": a.durationSeconds,
            "startedAt": createdAt.timeIntervalSince1970 + 2 + Double(number),
        ]
        return try decoder.decode(AttemptRecord.self, from: JSONSerialization.data(withJSONObject: fields))
    }

    private static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .secondsSince1970
        return d
    }
}
