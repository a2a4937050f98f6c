/// One of ten equal-width probability bins [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]:
/// how often label 1 occurred among rows predicted in that range.
public struct CalibrationBin: Sendable, Equatable, Codable {
    public static let binCount = 10

    public var lower: Double
    public var upper: Double
    public var count: Int
    /// Nil when the bin is empty.
    public var meanProbability: Double?
    /// Share of label 1; nil when the bin is empty.
    public var observedFrequency: Double?

    /// The ten bins for these labelled predictions, lowest first.
    public static func table(probabilities: [Double], labels: [Double]) -> [CalibrationBin] {
        var members = [[(probability: Double, label: Double)]](repeating: [], count: binCount)
        for (p, y) in zip(probabilities, labels) { members[index(of: p)].append((p, y)) }
        return members.enumerated().map { bin, rows in
            CalibrationBin(
                lower: Double(bin) / Double(binCount), upper: Double(bin + 1) / Double(binCount), count: rows.count,
                meanProbability: rows.isEmpty ? nil : mean(rows.map(\.probability)),
                observedFrequency: rows.isEmpty ? nil : mean(rows.map(\.label)))
        }
    }

    /// floor(10p), with 1.0 (and anything outside [0, 1], NaN included) kept in the end bins.
    static func index(of probability: Double) -> Int {
        let raw = (probability * Double(binCount)).rounded(.down)
        guard !raw.isNaN else { return 0 }
        return Int(min(max(raw, 0), Double(binCount - 1)))
    }

    enum CodingKeys: String, CodingKey {
        case lower, upper, count
        case meanProbability = "mean_probability"
        case observedFrequency = "observed_frequency"
    }

    /// Writes every key, nil as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lower, forKey: .lower)
        try c.encode(upper, forKey: .upper)
        try c.encode(count, forKey: .count)
        try c.encode(meanProbability, forKey: .meanProbability)
        try c.encode(observedFrequency, forKey: .observedFrequency)
    }
}
