/// The error taxonomy shared by every stage: each failure has exactly one class.
public enum FailureClass: String, Codable, Sendable, CaseIterable {
    /// No bars at all where bars were needed.
    case dataMissing
    /// Some bars, but too few to train on.
    case insufficientData
    /// The cache ends before the window's forward labels can be computed.
    case pendingFutureData
    /// The window lies before the symbol's listing date.
    case preListing
    /// Some trading day the window needs holds fewer bars than its session has (an interrupted
    /// intraday fetch): never trained on; a fetch of those days completes them.
    case partialDay
    /// A cache file the window needs is damaged (unreadable, truncated rows): `fetch` moves it
    /// aside and fetches its days again.
    case dataCorrupt
    /// Network, 5xx, timeouts, rate limits: may succeed on retry.
    case transient
    /// Invalid or expired session, unknown app key.
    case auth
    /// The provider's daily call budget is spent.
    case quota
    /// Bad user input: malformed file, wrong dates, unknown symbol.
    case invalidInput
    /// LightGBM rejected the data or parameters.
    case modelError
    /// A defect or an unexpected environment problem (disk, I/O).
    case `internal`

    /// Only a transient failure can go away by itself; everything else, `internal` included (an
    /// unwritable directory, a defect), fails the same way again, so it is never retried.
    public var isRetryable: Bool { self == .transient }

    /// Classes decided from the cache and calendar before training; they become skips.
    public var isDataClass: Bool {
        switch self {
        case .dataMissing, .insufficientData, .pendingFutureData, .preListing, .partialDay, .dataCorrupt: true
        default: false
        }
    }
}

/// An error that knows its class and, where there is one, the command or step that fixes it.
public protocol ClassifiedError: Error, CustomStringConvertible {
    var failureClass: FailureClass { get }
    /// What fixes it, as data (`RemedyText` prints it).
    var remedy: Remedy? { get }
}

extension ClassifiedError {
    public var remedy: Remedy? { nil }
}
