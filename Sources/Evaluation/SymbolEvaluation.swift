import Teacher

/// One symbol's out-of-sample classification skill beside its block-permutation null.
public struct SymbolEvaluation: Sendable, Equatable, Codable {
    public var symbol: String
    public var rows: Int
    public var labelledRows: Int
    /// Nil when the symbol's labelled rows hold only one class.
    public var auc: Double?
    /// The null fields are nil for symbols not tested (too few labelled rows, or no AUC).
    public var nullMean: Double?
    public var nullP95: Double?
    public var pValue: Double?
    public var promoted = false

    /// `rows` are this symbol's rows in date order.
    init(symbol: String, rows: [ScoredRow], settings: GateSettings, using rng: inout some RandomNumberGenerator) {
        let labelled = rows.filter { $0.label != nil }
        let scores = labelled.map(\.probability), labels = labelled.compactMap(\.label)
        self.symbol = symbol
        self.rows = rows.count
        labelledRows = labelled.count
        auc = ClassificationMetrics.rocAUC(scores: scores, labels: labels)
        guard labelledRows >= settings.minLabelledRows,
              let null = BlockPermutationNull(scores: scores, labels: labels, blockLength: settings.blockLength,
                                              permutations: settings.permutations, using: &rng) else { return }
        nullMean = null.nullMean
        nullP95 = null.nullP95
        pValue = null.pValue
    }

    /// Every symbol in `rows`, alphabetically; permutations draw from `rng` in that order.
    /// `rows` must be canonically ordered so each symbol's rows are in date order.
    static func all(_ rows: [ScoredRow], settings: GateSettings, using rng: inout some RandomNumberGenerator) -> [SymbolEvaluation] {
        Dictionary(grouping: rows, by: \.symbol).sorted { $0.key < $1.key }.map {
            SymbolEvaluation(symbol: $0.key, rows: $0.value, settings: settings, using: &rng)
        }
    }

    enum CodingKeys: String, CodingKey {
        case symbol, rows, auc, promoted
        case labelledRows = "labelled_rows"
        case nullMean = "null_mean"
        case nullP95 = "null_p95"
        case pValue = "p_value"
    }

    /// Writes every key, nil as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(rows, forKey: .rows)
        try c.encode(labelledRows, forKey: .labelledRows)
        try c.encode(auc, forKey: .auc)
        try c.encode(nullMean, forKey: .nullMean)
        try c.encode(nullP95, forKey: .nullP95)
        try c.encode(pValue, forKey: .pValue)
        try c.encode(promoted, forKey: .promoted)
    }
}
