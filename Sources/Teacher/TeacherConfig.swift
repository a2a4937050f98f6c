import MarketData

/// How training rows are divided into training and validation rows.
public enum SplitMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// Oldest rows train, newest validate, with the horizon's bars purged in between so no
    /// training label overlaps the validation period (the default).
    case chronological
    /// The original's 80/20 shuffled split, stratified by label, seed 42 (leaks overlapping labels).
    case stratifiedShuffle = "stratified-shuffle"
}

/// Whether a forward-return label may reach across the overnight gap (intraday bars).
public enum LabelSpan: String, Sendable, Equatable, Codable, CaseIterable {
    /// `close[t+h] / close[t] - 1` over the series, whatever days the bars lie on: the
    /// original's rule, and the only one for daily bars (the default).
    case overnight
    /// Only bars whose `t+h` bar lies on the same trading day are labelled: an intraday
    /// model never learns from (or is scored on) the overnight gap.
    case session
}

/// Everything that decides one window's training, besides the bars themselves.
/// The defaults are this project's improvements; `TeacherConfig.original` is the Python original.
public struct TeacherConfig: Sendable, Equatable {
    /// The bars' interval, recorded in the metadata (the original trained on daily bars).
    public var interval: Interval = .oneDay
    /// Bars ahead for the forward return (`--forecast-horizon`).
    public var horizon: Int = 7
    /// Whether labels may span the overnight gap (`--label-span`).
    public var labelSpan: LabelSpan = .overnight
    /// Label 1 when the forward return exceeds this.
    public var threshold: Double = 0.02
    public var split: SplitMode = .chronological
    /// Seed of the stratified shuffle.
    public var splitSeed: UInt64 = 42
    /// Use up to `warmupBars` bars before the window's start as indicator history, so the
    /// window's own first rows keep their features (the original dropped its first 49 rows).
    public var warmup: Bool = true
    public var warmupBars: Int = 100
    /// Label the window's last rows from bars after its end, when the caller supplies them
    /// (the original dropped its last `horizon` rows).
    public var labelLookahead: Bool = true
    /// Fewer labelled rows than this is `insufficientData`.
    public var minimumRows: Int = 20
    /// LightGBM parameters on top of `TeacherParameters.defaults`; any LightGBM name or alias.
    public var parameterOverrides: [String: String] = [:]

    public init() {}

    /// The Python original's behaviour: no warm-up, no lookahead, stratified shuffle.
    public static var original: TeacherConfig {
        var c = TeacherConfig()
        c.useOriginalBehaviour()
        return c
    }

    /// Switches to the original's rows and split (`--original-teacher`), keeping everything else.
    public mutating func useOriginalBehaviour() {
        warmup = false
        labelLookahead = false
        split = .stratifiedShuffle
    }

    func validate() throws {
        guard horizon >= 1 else { throw TeacherError.invalidInput("forecast horizon must be at least 1 bar, got \(horizon)") }
        guard threshold.isFinite else { throw TeacherError.invalidInput("threshold must be a finite number") }
        guard warmupBars >= 0 else { throw TeacherError.invalidInput("warm-up bars must be >= 0, got \(warmupBars)") }
        guard labelSpan == .overnight || interval.isIntraday else {
            throw TeacherError.invalidInput("--label-span session needs intraday bars; daily labels always span the overnight gap")
        }
        guard minimumRows >= 4 else { throw TeacherError.invalidInput("minimum rows must be at least 4, got \(minimumRows)") }
    }
}
