import ArgumentParser
import Foundation
import MarketData
import Teacher

/// The teacher's options for `train`. Every value is optional so that `--resume` can tell a
/// flag the user gave from a default.
struct TeacherOptions: ParsableArguments {
    @Option(name: .long, help: "Bar interval: 1day (default), 30minute, 5minute or 1minute. Horizon, warm-up and purge count bars of it.")
    var interval: Interval?
    @Option(name: .long, help: "Intraday labels: overnight (default; a label may span the overnight gap) or session (only within a trading day).")
    var labelSpan: LabelSpan?
    @Option(name: .long, help: "Bars ahead for the forward return (default 7).")
    var forecastHorizon: Int?
    @Option(name: .long, help: "Label 1 when the forward return exceeds this (default 0.02).")
    var threshold: Double?
    @Option(name: .long, help: "chronological (purged, default) or stratified-shuffle (the original's).")
    var split: SplitMode?
    @Flag(name: .long, help: "Do not use bars before a window as indicator history (the original's behaviour).")
    var noWarmup = false
    @Flag(name: .long, help: "Do not label a window's last rows from bars after its end (the original's behaviour).")
    var noLabelLookahead = false
    @Flag(name: .long, help: "The original teacher exactly: --no-warmup --no-label-lookahead --split stratified-shuffle.")
    var originalTeacher = false
    @Option(name: .customLong("param"), help: ArgumentHelp("A LightGBM parameter override, key=value (repeatable).", valueName: "key=value"))
    var params: [String] = []
    @Option(name: .long, help: "LightGBM parameters: a JSON object or key=value lines.")
    var paramsFile: String?

    func validateValues() throws {
        if let h = forecastHorizon, h < 1 { throw ValidationError("--forecast-horizon must be at least 1 bar") }
        if labelSpan == .session, (interval ?? .oneDay) == .oneDay {
            throw ValidationError("--label-span session needs intraday bars (--interval 5minute, say); daily labels always span the overnight gap")
        }
        if let t = threshold, !(t > -1 && t < 1) {
            throw ValidationError("--threshold \(t) must be a forward return between -1 and 1 (e.g. 0.02 for +2%)")
        }
        do { _ = try overrides() } catch { throw ValidationError(String(describing: error)) }
    }

    /// `--params-file` first, then `--param` flags on top.
    func overrides() throws -> [String: String] {
        var out: [String: String] = [:]
        if let file = paramsFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("--params-file \(file): cannot read the file")
            }
            out = try ParameterInput.parseFile(text)
        }
        for (k, v) in try ParameterInput.parseAssignments(params) { out[k] = v }
        return out
    }

    /// Applies only what was given, on top of `config` (defaults, or a batch's recorded values).
    func apply(to config: inout TeacherConfig) throws {
        if originalTeacher { config.useOriginalBehaviour() }
        if let i = interval { config.interval = i }
        if let s = labelSpan { config.labelSpan = s }
        if let h = forecastHorizon { config.horizon = h }
        if let t = threshold { config.threshold = t }
        if let s = split { config.split = s }
        if noWarmup { config.warmup = false }
        if noLabelLookahead { config.labelLookahead = false }
        config.parameterOverrides.merge(try overrides()) { $1 }
    }
}

extension SplitMode: ExpressibleByArgument {}
extension LabelSpan: ExpressibleByArgument {}
