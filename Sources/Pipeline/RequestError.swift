import MarketData

/// A request that cannot be carried out as asked, with what fixes it.
public struct RequestError: ClassifiedError, Equatable {
    public enum Kind: Sendable {
        /// A bad flag value, a batch that does not exist, flags that conflict with a resumed
        /// batch's recorded parameters (exit 2).
        case usage
        /// A bad input file or state (exit 1).
        case input
    }

    public var kind: Kind
    public var description: String
    public var remedy: Remedy?
    public var failureClass: FailureClass { .invalidInput }

    public static func usage(_ description: String, fix: String? = nil) -> RequestError {
        RequestError(kind: .usage, description: description, remedy: fix.map(Remedy.advice))
    }

    public static func input(_ description: String, fix: String? = nil) -> RequestError {
        input(description, remedy: fix.map(Remedy.advice))
    }

    public static func input(_ description: String, remedy: Remedy?) -> RequestError {
        RequestError(kind: .input, description: description, remedy: remedy)
    }
}
