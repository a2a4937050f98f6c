import MarketData
import Teacher

/// Everything that decides a batch's results. Recorded in the ledger when the batch is created;
/// `--resume` reruns with exactly these.
public struct BatchParameters: Codable, Equatable, Sendable {
    public var startDate: CalendarDay
    public var endDate: CalendarDay
    public var interval: Interval
    public var windowDays: Int
    public var stepDays: Int
    public var forecastHorizon: Int
    public var threshold: Double
    /// `chronological` (purged, the default) or `stratified-shuffle` (the original's).
    public var split: String
    /// Use bars before the window start as indicator history (the original did not).
    public var warmup: Bool
    /// Let labels of the window's last rows look past its end (the original did not).
    public var labelLookahead: Bool
    /// Whether intraday labels may span the overnight gap (nil, in ledgers written before it was
    /// recorded: `overnight`, the only rule then).
    public var labelSpan: LabelSpan?
    /// LightGBM parameter overrides (`--param k=v`, `--params-file`), on top of the defaults.
    public var lightgbmOverrides: [String: String]
    public var maxFailureRate: Double
    /// Attempts per window for retryable failures (transient, internal).
    public var maxAttempts: Int
    public var preflight: Bool
    /// Every LightGBM parameter the models were trained with (defaults, then overrides), resolved
    /// when the batch was created. Absent in ledgers written before it was recorded.
    public var lightgbmResolved: [String: String]?
    /// LightGBM's threads per window, planned when the batch was created (`LightGBMThreadPlan`)
    /// and reused by every resume. Absent (1) in ledgers written before it was planned.
    public var lightgbmThreads: Int?

    public init(startDate: CalendarDay, endDate: CalendarDay, interval: Interval = .oneDay, windowDays: Int = 180,
                stepDays: Int? = nil, forecastHorizon: Int = 7, threshold: Double = 0.02, split: String = "chronological",
                warmup: Bool = true, labelLookahead: Bool = true, lightgbmOverrides: [String: String] = [:],
                maxFailureRate: Double = 0.15, maxAttempts: Int = 3, preflight: Bool = true) {
        self.startDate = startDate
        self.endDate = endDate
        self.interval = interval
        self.windowDays = windowDays
        self.stepDays = stepDays ?? windowDays
        self.forecastHorizon = forecastHorizon
        self.threshold = threshold
        self.split = split
        self.warmup = warmup
        self.labelLookahead = labelLookahead
        self.lightgbmOverrides = lightgbmOverrides
        self.maxFailureRate = maxFailureRate
        self.maxAttempts = maxAttempts
        self.preflight = preflight
    }
}

extension BatchParameters {
    /// The teacher configuration these parameters stand for (setting it records its fields).
    public var teacherConfig: TeacherConfig {
        get {
            var c = TeacherConfig()
            c.interval = interval
            c.horizon = forecastHorizon
            c.threshold = threshold
            c.split = SplitMode(rawValue: split) ?? .chronological
            c.warmup = warmup
            c.labelLookahead = labelLookahead
            c.labelSpan = labelSpan ?? .overnight
            c.parameterOverrides = lightgbmOverrides
            return c
        }
        set {
            interval = newValue.interval
            forecastHorizon = newValue.horizon
            threshold = newValue.threshold
            split = newValue.split.rawValue
            warmup = newValue.warmup
            labelLookahead = newValue.labelLookahead
            labelSpan = newValue.labelSpan
            lightgbmOverrides = newValue.parameterOverrides
        }
    }
}
