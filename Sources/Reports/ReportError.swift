import MarketData

public enum ReportError: ClassifiedError, Equatable {
    case noLedger(path: String)
    case unknownBatch(id: String, ledgerPath: String, dataDir: String?)

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        switch self {
        case .noLedger(let path): "no batch ledger at \(path)"
        case let .unknownBatch(id, ledgerPath, _): "no batch \(id) in \(ledgerPath)"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .noLedger: .advice("pass the --data-dir the batch was trained with")
        case .unknownBatch(_, _, let dataDir): .listBatches(dataDir: dataDir)
        }
    }
}
