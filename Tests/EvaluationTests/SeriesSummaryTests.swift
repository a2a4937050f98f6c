import Testing
@testable import Evaluation

@Suite struct SeriesSummaryTests {
    // x = [1, 2, 3, 4]: mean 2.5, residuals (-1.5, -0.5, 0.5, 1.5).
    // gamma0 = 5/4, gamma1 = (0.75 - 0.25 + 0.75)/4 = 0.3125, gamma2 = (-0.75 - 0.75)/4 = -0.375.
    static let series: [Double] = [1, 2, 3, 4]

    // L = 1: se^2 = (1.25 + 2 * (1/2) * 0.3125) / 4 = 0.390625, se = 0.625.
    @Test func neweyWestWithLagOne() throws {
        let se = try #require(neweyWestStandardError(Self.series, lag: 1))
        #expect(abs(se - 0.625) < 1e-12)
    }

    // L = 2: se^2 = (1.25 + 2 * (2/3) * 0.3125 + 2 * (1/3) * (-0.375)) / 4 = (17/12) / 4.
    @Test func neweyWestWithLagTwo() throws {
        let se = try #require(neweyWestStandardError(Self.series, lag: 2))
        #expect(abs(se - (17.0 / 48).squareRoot()) < 1e-12)
    }

    // L = 0: gamma0 / n only.
    @Test func neweyWestWithLagZeroIsTheBiasedIIDError() throws {
        let se = try #require(neweyWestStandardError(Self.series, lag: 0))
        #expect(abs(se - (1.25 / 4).squareRoot()) < 1e-12)
    }

    // sd = sqrt(5/3); plain t = 2.5 / (sd / 2); NW t (L = 1) = 2.5 / 0.625 = 4.
    @Test func summaryOfAShortSeries() throws {
        let s = SeriesSummary(series: Self.series, lag: 1)
        let sd = (5.0 / 3).squareRoot()
        #expect(s.n == 4)
        #expect(s.mean == 2.5)
        #expect(abs(try #require(s.sd) - sd) < 1e-12)
        #expect(abs(try #require(s.icir) - 2.5 / sd) < 1e-12)
        #expect(abs(try #require(s.tStatPlain) - 2.5 / (sd / 2)) < 1e-12)
        #expect(abs(try #require(s.tStat) - 4) < 1e-12)
        #expect(s.positiveShare == 1)
    }

    @Test func positiveShareCountsStrictlyPositiveValues() {
        #expect(SeriesSummary(series: [-1, 0, 2, 3], lag: 1).positiveShare == 0.5)
    }

    @Test func undefinedStatisticsAreNil() {
        let single = SeriesSummary(series: [0.3], lag: 1)
        #expect(single.n == 1 && single.mean == 0.3)
        #expect(single.sd == nil && single.tStat == nil && single.tStatPlain == nil && single.icir == nil)
        let flat = SeriesSummary(series: [0.2, 0.2, 0.2], lag: 2)
        #expect(flat.sd == 0)
        #expect(flat.icir == nil && flat.tStat == nil && flat.tStatPlain == nil)
        let empty = SeriesSummary(series: [], lag: 1)
        #expect(empty.n == 0 && empty.mean == nil && empty.positiveShare == nil)
    }
}
