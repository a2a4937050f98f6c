import Batch

/// Human-readable differences between a batch's recorded parameters and those a resume asked for.
enum ResumeConflicts {
    static func describe(recorded: BatchParameters, asked: BatchParameters) -> [String] {
        let pairs: [(String, String, String)] = [
            ("--start-date", "\(recorded.startDate)", "\(asked.startDate)"),
            ("--end-date", "\(recorded.endDate)", "\(asked.endDate)"),
            ("--interval", recorded.interval.rawValue, asked.interval.rawValue),
            ("--label-span", (recorded.labelSpan ?? .overnight).rawValue, (asked.labelSpan ?? .overnight).rawValue),
            ("--window-days", "\(recorded.windowDays)", "\(asked.windowDays)"),
            ("--step-days", "\(recorded.stepDays)", "\(asked.stepDays)"),
            ("--forecast-horizon", "\(recorded.forecastHorizon)", "\(asked.forecastHorizon)"),
            ("--threshold", "\(recorded.threshold)", "\(asked.threshold)"),
            ("--split", recorded.split, asked.split),
            ("warm-up (--no-warmup, --original-teacher)", onOff(recorded.warmup), onOff(asked.warmup)),
            ("label look-ahead (--no-label-lookahead, --original-teacher)", onOff(recorded.labelLookahead), onOff(asked.labelLookahead)),
            ("--param", "\(recorded.lightgbmOverrides.sorted { $0.key < $1.key })", "\(asked.lightgbmOverrides.sorted { $0.key < $1.key })"),
            ("--max-failure-rate", "\(recorded.maxFailureRate)", "\(asked.maxFailureRate)"),
            ("--max-attempts", "\(recorded.maxAttempts)", "\(asked.maxAttempts)"),
            ("preflight (--no-preflight)", onOff(recorded.preflight), onOff(asked.preflight)),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.2) conflicts with the recorded \($0.1)" }
    }

    static func onOff(_ b: Bool) -> String { b ? "on" : "off" }

    /// Throws a usage error naming every conflict between the batch and the request.
    static func check(ledger: any LedgerStore, batchId: String, request: TrainRequest) throws {
        guard let batch = try ledger.batch(id: batchId), case .resume(_, let askedSymbols) = request.target else { return }
        let recorded = try batch.decodedParameters()
        var asked = recorded
        try request.flags(&asked)
        var conflicts = describe(recorded: recorded, asked: asked)
        if let askedSymbols, askedSymbols != batch.decodedSymbols() {
            conflicts.append("the symbols differ from the batch's \(batch.decodedSymbols().count) recorded symbols")
        }
        guard conflicts.isEmpty else {
            throw RequestError.usage("--resume \(batchId) reruns with the batch's recorded parameters, but \(conflicts.joined(separator: "; ")). Drop those flags, or start a new batch without --resume.")
        }
    }
}
