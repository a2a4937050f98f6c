import MarketData

public enum BacktestError: Error, Equatable, CustomStringConvertible {
    case malformedPlan(file: String, problem: String)
    case unknownPlan(String)
    case invalidPrices(String)
    case invalidSignals(String)
    case invalidSettings(String)
    case costs(CostScheduleError)

    public var description: String {
        switch self {
        case let .malformedPlan(file, problem): return "brokerage plan \(file) is malformed: \(problem)"
        case let .unknownPlan(name): return "unknown brokerage plan \(name)"
        case let .invalidPrices(problem): return "invalid prices: \(problem)"
        case let .invalidSignals(problem): return "invalid signals: \(problem)"
        case let .invalidSettings(problem): return "invalid settings: \(problem)"
        case let .costs(error): return error.description
        }
    }
}

extension BacktestError: ClassifiedError {
    public var failureClass: FailureClass { .invalidInput }
}

extension CostScheduleError: ClassifiedError {
    public var failureClass: FailureClass { .invalidInput }

    public var remedy: Remedy? {
        switch self {
        case .noRateInForce: .advice("the shipped schedule starts on 2020-07-01 (stamp duty); use a later date, or pass --cost-schedule FILE with rows for earlier dates")
        case .malformed: .advice("fix the file (docs/backtest.md shows the format), or drop --cost-schedule to use the shipped schedule")
        }
    }
}
