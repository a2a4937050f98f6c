import MarketData

/// Failures of the fetch engine itself (provider failures are `BreezeError`s).
public enum FetchError: ClassifiedError, Equatable {
    /// Symbols with no Breeze code; raised before any request.
    case unmappedSymbols([String], mappingsFile: String)
    case dailyBudgetExhausted(limit: Int, day: CalendarDay, stateFile: String?)
    case unreadableState(path: String, problem: String)

    public var failureClass: FailureClass {
        switch self {
        case .unmappedSymbols: .invalidInput
        case .dailyBudgetExhausted: .quota
        case .unreadableState: .internal
        }
    }

    public var description: String {
        switch self {
        case .unmappedSymbols(let symbols, let file):
            symbols.map { "no Breeze code for \($0): add it to \(file) or run sensequant universe import-security-master FILE" }
                .joined(separator: "\n")
        case .dailyBudgetExhausted(let limit, let day, _):
            "daily request budget of \(limit) calls used up for \(day) (IST)"
        case .unreadableState(let path, let problem):
            "cannot read fetch state \(path): \(problem)"
        }
    }

    public var remedy: Remedy? {
        switch self {
        case .unmappedSymbols: nil
        case .dailyBudgetExhausted(_, _, let file):
            .advice("rerun after midnight IST (it resumes where it stopped), or raise --daily-budget" + (file.map { "; usage is kept in \($0)" } ?? ""))
        case .unreadableState(let path, _): .advice("delete \(path); it only holds today's call count")
        }
    }
}
