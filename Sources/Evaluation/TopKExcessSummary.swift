/// The top-k excess series summary together with its k; in JSON, one flat object.
public struct TopKExcessSummary: Sendable, Equatable, Codable {
    public var k: Int
    public var series: SeriesSummary

    public init(k: Int, series: SeriesSummary) {
        self.k = k
        self.series = series
    }

    enum CodingKeys: String, CodingKey { case k }

    public init(from decoder: any Decoder) throws {
        k = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .k)
        series = try SeriesSummary(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try series.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(k, forKey: .k)
    }
}
