import Foundation

/// The batch ledger, wherever it is kept: `Ledger` (SQLite under the data root, the default)
/// or a PostgreSQL server shared by workers on many machines (`PostgresLedger`). Synchronous:
/// the runner calls it from its own threads between blocking LightGBM calls.
public protocol LedgerStore: AnyObject, Sendable {
    /// How messages name the ledger: a file path, or a URL whose password is hidden.
    var location: String { get }

    func create(_ batch: BatchRecord, windows: [WindowRecord]) throws
    /// Saves the batch's own fields; its counters always come from its windows.
    func save(_ batch: BatchRecord) throws
    func save(_ window: WindowRecord) throws
    /// A finished attempt and the window's new state, in one transaction.
    func record(_ attempt: AttemptRecord, window: WindowRecord) throws

    func batch(id: String) throws -> BatchRecord?
    /// All batches, newest first.
    func batches() throws -> [BatchRecord]
    /// A batch's windows in plan order.
    func windows(batchId: String) throws -> [WindowRecord]
    func attempts(batchId: String) throws -> [AttemptRecord]

    /// Records (or replaces) a batch's out-of-sample evaluation.
    func save(_ evaluation: EvaluationRecord) throws
    func evaluation(batchId: String) throws -> EvaluationRecord?

    /// Windows of the batch that workers hold under a live lease now.
    func liveLeases(batchId: String) throws -> Int
}

extension LedgerStore {
    public func batchIdExists(_ id: String) throws -> Bool { try batch(id: id) != nil }
    public func liveLeases(batchId: String) throws -> Int { 0 }
}
