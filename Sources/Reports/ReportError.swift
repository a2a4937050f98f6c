import MarketData

public enum ReportError: ClassifiedError, Equatable {
    case noLedger(path: String)
    case unknownBatch(id: String, ledgerPath: String)

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        switch self {
        case .noLedger(let path): "no batch ledger at \(path)"
        case let .unknownBatch(id, ledgerPath): "no batch \(id) in \(ledgerPath)"
        }
    }

    public var remedy: String? {
        switch self {
        case .noLedger: "pass the --data-dir the batch was trained with"
        case .unknownBatch: "run `sensequant status` to list the batches in this ledger"
        }
    }
}
