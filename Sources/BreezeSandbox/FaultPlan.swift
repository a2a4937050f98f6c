import MarketData
import SyntheticMarket

/// Faults the sandbox injects, parsed from `--fault KIND:VALUE` flags:
/// `rate-limit:0.1`, `5xx:0.1`, `timeout:0.05` (probabilities per historical request),
/// `slow:200ms` (delay on every answer), `quota-after:N` (Status 5 after N historical calls),
/// `empty:SYMBOL[:FROM..TO]` (answers without candles; `*` for every symbol),
/// `answer:STATUS:BODYKIND[:P]` (an HTTP status and body that are not candles; see `AnswerFault`),
/// `partial:SYMBOL:YYYY-MM-DD` (that day's intraday bars stop halfway, like an interrupted feed).
public struct FaultPlan: Sendable, Equatable {
    public var rateLimitProbability = 0.0
    public var serverErrorProbability = 0.0
    public var timeoutProbability = 0.0
    public var slowMilliseconds = 0
    public var quotaAfter: Int?
    public var empty: [SyntheticGap] = []
    public var answers: [AnswerFault] = []
    /// Days whose intraday answers hold only the first half of the session's bars.
    public var partial: [SyntheticGap] = []

    public init() {}

    public var isEmpty: Bool { self == FaultPlan() }

    public static func parse(_ specs: [String]) throws -> FaultPlan {
        var plan = FaultPlan()
        for spec in specs { try plan.apply(spec) }
        return plan
    }

    mutating func apply(_ spec: String) throws {
        guard let colon = spec.firstIndex(of: ":") else { throw SandboxError.badFault(spec, "expected KIND:VALUE") }
        let kind = String(spec[..<colon]), value = String(spec[spec.index(after: colon)...])
        switch kind {
        case "rate-limit": rateLimitProbability = try probability(value, spec)
        case "5xx": serverErrorProbability = try probability(value, spec)
        case "timeout": timeoutProbability = try probability(value, spec)
        case "slow":
            let digits = value.hasSuffix("ms") ? String(value.dropLast(2)) : value
            guard let ms = Int(digits), ms >= 0 else { throw SandboxError.badFault(spec, "expected milliseconds like 200ms") }
            slowMilliseconds = ms
        case "quota-after":
            guard let n = Int(value), n >= 0 else { throw SandboxError.badFault(spec, "expected a call count") }
            quotaAfter = n
        case "empty":
            guard let gap = SyntheticGap(parsing: value) else { throw SandboxError.badFault(spec, "expected SYMBOL or SYMBOL:YYYY-MM-DD..YYYY-MM-DD") }
            empty.append(gap)
        case "answer": answers.append(try AnswerFault.parse(value))
        case "partial":
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let day = CalendarDay(parts[1]), let gap = SyntheticGap(parsing: "\(parts[0]):\(day)..\(day)") else {
                throw SandboxError.badFault(spec, "expected SYMBOL:YYYY-MM-DD")
            }
            partial.append(gap)
        default:
            throw SandboxError.badFault(spec, "unknown kind \(kind) (rate-limit, 5xx, timeout, slow, quota-after, empty, answer, partial)")
        }
    }

    private func probability(_ value: String, _ spec: String) throws -> Double {
        guard let p = Double(value), (0...1).contains(p) else { throw SandboxError.badFault(spec, "expected a probability in 0...1") }
        return p
    }
}

public enum SandboxError: ClassifiedError {
    case badFault(String, String)
    case noDataSource(String)

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        switch self {
        case .badFault(let spec, let why): "bad --fault \(spec): \(why)"
        case .noDataSource(let why): "sandbox has no data: \(why)"
        }
    }
}
