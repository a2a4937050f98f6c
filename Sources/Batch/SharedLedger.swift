import Foundation

/// A window a worker has claimed: it alone may record it while `token` is the window's lease.
public struct WindowClaim: Sendable, Equatable {
    public var window: WindowRecord
    /// Unique per claim, so a reclaimed window's first worker (even in the same process) can no
    /// longer write it.
    public var token: String

    public init(window: WindowRecord, token: String) {
        self.window = window
        self.token = token
    }
}

/// A ledger that many worker processes share: windows are claimed one at a time under a lease
/// the worker renews; a window whose lease expires is claimed again. Only the claim's holder
/// writes its window, so a late finisher changes nothing and a success is recorded once.
public protocol SharedLedger: LedgerStore {
    /// Batches open to workers (planned with `--plan-only`, not finished), oldest first.
    func claimableBatches() throws -> [String]
    /// The next pending window of the batch in plan order, or a running one whose lease expired.
    func claim(batchId: String, owner: String, leaseSeconds: Int) throws -> WindowClaim?
    /// Extends the lease of every window `owner` holds.
    func renewLeases(owner: String, leaseSeconds: Int) throws
    /// Records an attempt that will be retried; false (nothing written) when the claim is lost.
    func record(_ attempt: AttemptRecord, window: WindowRecord, claim token: String) throws -> Bool
    /// Records the last attempt and ends the claim. `publish` (which moves the artifacts into
    /// place) runs only while the claim is held, inside the transaction that records it.
    /// false: the claim was lost; nothing was written and `publish` did not run.
    func finish(_ attempt: AttemptRecord, window: WindowRecord, claim token: String, publish: () throws -> Void) throws -> Bool
    /// Hands an untrained claimed window back (pending), e.g. when its worker is stopped.
    func release(batchId: String, label: String, claim token: String) throws
    /// Windows not finished yet: pending, and running (leased, live or expired).
    func unfinished(batchId: String) throws -> (pending: Int, running: Int)
    /// Ends the batch when none of its windows is pending or running, with the status `decide`
    /// gives its counted record. nil when work remains or another worker ended it first.
    func finishBatch(_ batchId: String, decide: (BatchRecord) -> BatchStatus) throws -> BatchRecord?
}
