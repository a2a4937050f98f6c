import Foundation

/// The batch verdict on cross-sectional skill.
public enum Verdict: String, Sendable, Equatable, Codable {
    case evidenceOfSkill = "evidence of cross-sectional skill"
    case noEvidenceOfSkill = "no evidence of skill"

    /// One plain-English sentence giving the verdict and the two numbers behind it.
    public func statement(rankIC: SeriesSummary, topKExcess: SeriesSummary, settings: GateSettings) -> String {
        "Over \(rankIC.n) dates the rank IC averaged \(Self.format(rankIC.mean)) with a Newey-West t of "
            + "\(Self.format(rankIC.tStat)) (\(Self.format(settings.minRankICTStat)) needed), and the top "
            + "\(settings.k) picks beat the day's average forward return by \(Self.format(topKExcess.mean)) "
            + "per date, so there is \(rawValue)."
    }

    private static func format(_ value: Double?) -> String {
        guard let value else { return "undefined" }
        return String(format: "%.4f", value)
    }
}
