import Foundation
import Batch
import MarketData
import Teacher

/// What `train` was asked to do: a new batch or the resume of one, and how to run it.
public struct TrainRequest: Sendable {
    public enum Target: Sendable {
        case new(symbols: [String], universe: String?, parameters: BatchParameters)
        /// `askedSymbols`: symbols named on the command line, which must match the batch's.
        case resume(batchId: String, askedSymbols: [String]?)
    }

    public var root: DataRoot
    /// The ledger the batch is recorded in (default: SQLite under the data root).
    public var ledger: LedgerChoice = .local
    /// Plan and preflight only: the batch waits for `sensequant worker` processes to train it.
    public var planOnly = false
    public var target: Target
    /// The batch-parameter flags that were given. A resumed batch keeps its recorded
    /// parameters; any flag that would change them is a usage error.
    public var flags: @Sendable (inout BatchParameters) throws -> Void
    public var workers: Int
    /// The cores a new batch's LightGBM thread plan divides (this machine's unless a test says).
    public var cores = ProcessInfo.processInfo.activeProcessorCount
    /// Stop after preflight when any window would be skipped.
    public var strictPreflight = false
    /// Fetch what preflight finds missing, then check again.
    public var autoFetch: ProviderSettings?
    /// Testing: make named windows fail.
    public var faults: [FaultInjectingTraining.Fault] = []
    public var backoff = Backoff()
    /// The evaluation to run when training ends with models (nil: none).
    public var evaluation: (@Sendable (_ batchId: String) -> EvaluateFlow)?

    public init(root: DataRoot, target: Target, workers: Int,
                flags: @escaping @Sendable (inout BatchParameters) throws -> Void = { _ in }) {
        self.root = root
        self.target = target
        self.workers = workers
        self.flags = flags
    }
}
