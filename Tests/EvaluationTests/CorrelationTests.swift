import Testing
@testable import Evaluation

@Suite struct CorrelationTests {
    // x = 1...5, y = [2, 4, 5, 4, 5]: deviations (-2,-1,0,1,2) and (-2,0,1,0,1),
    // sxy = 6, sxx = 10, syy = 6, r = 6 / sqrt(60).
    @Test func pearsonMatchesHandComputation() throws {
        let r = try #require(Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
        #expect(abs(r - 6 / 60.0.squareRoot()) < 1e-12)
    }

    @Test func tiedValuesShareTheirAverageRank() {
        #expect(Correlation.averageRanks([10, 20, 20, 5]) == [2, 3.5, 3.5, 1])
        #expect(Correlation.averageRanks([7, 7, 7]) == [2, 2, 2])
    }

    // Ranks of y with ties: [1, 2.5, 4.5, 2.5, 4.5]; against ranks 1...5:
    // sxy = 4 + 0.5 + 0 - 0.5 + 3 = 7, sxx = 10, syy = 9, rho = 7 / sqrt(90).
    @Test func spearmanWithTiesMatchesHandComputation() throws {
        let rho = try #require(Correlation.spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]))
        #expect(abs(rho - 7 / 90.0.squareRoot()) < 1e-12)
    }

    @Test func spearmanIsOneForAnyIncreasingRelation() throws {
        let rho = try #require(Correlation.spearman([0.1, 0.5, 0.2, 0.9], [1, 125, 8, 729]))
        #expect(abs(rho - 1) < 1e-12)
    }

    @Test func constantSideOrTooFewPairsIsUndefined() {
        #expect(Correlation.pearson([0.1, 0.1, 0.1], [1, 2, 3]) == nil)
        #expect(Correlation.pearson([1, 2, 3], [4, 4, 4]) == nil)
        #expect(Correlation.spearman([0.3, 0.3], [1, 2]) == nil)
        #expect(Correlation.pearson([1], [2]) == nil)
        #expect(Correlation.pearson([1, 2], [1, 2, 3]) == nil)
    }
}
