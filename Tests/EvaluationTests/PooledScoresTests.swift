import Foundation
import Testing
@testable import Evaluation

@Suite struct PooledScoresTests {
    // p = [0.9, 0.2, 0.6, 0.4], y = [1, 0, 0, 1].
    // Brier = (0.01 + 0.04 + 0.36 + 0.36) / 4 = 0.1925; base rate 0.5, base Brier 0.25, skill 0.23.
    // Log loss = -(ln 0.9 + ln 0.8 + ln 0.4 + ln 0.4) / 4; base ln 2.
    // AUC: positives (0.9, 0.4) beat negatives (0.2, 0.6) in 3 of 4 pairs = 0.75.
    @Test func tinyExample() throws {
        let s = PooledScores(probabilities: [0.9, 0.2, 0.6, 0.4], labels: [1, 0, 0, 1])
        let logloss = -(log(0.9) + log(0.8) + 2 * log(0.4)) / 4
        #expect(s.rows == 4)
        #expect(s.auc == 0.75)
        #expect(abs(try #require(s.brier) - 0.1925) < 1e-12)
        #expect(s.baseRate == 0.5)
        #expect(abs(try #require(s.brierBase) - 0.25) < 1e-12)
        #expect(abs(try #require(s.brierSkill) - 0.23) < 1e-12)
        #expect(abs(try #require(s.logloss) - logloss) < 1e-12)
        #expect(abs(try #require(s.loglossBase) - log(2)) < 1e-12)
        #expect(abs(try #require(s.loglossSkill) - (1 - logloss / log(2))) < 1e-12)
    }

    @Test func oneClassLeavesAUCAndSkillsUndefined() throws {
        let s = PooledScores(probabilities: [0.7, 0.4], labels: [1, 1])
        #expect(s.auc == nil && s.brierSkill == nil && s.loglossSkill == nil)
        #expect(s.baseRate == 1)
        #expect(abs(try #require(s.brier) - (0.09 + 0.36) / 2) < 1e-12)
    }

    @Test func noRowsLeavesEverythingUndefined() {
        let s = PooledScores(probabilities: [], labels: [])
        #expect(s.rows == 0 && s.logloss == nil && s.brier == nil && s.baseRate == nil)
    }
}

@Suite struct CalibrationTests {
    // Bin 0: {0.05}, bin 1: {0.15, 0.12}, bin 3: {0.3}, bin 9: {0.95, 1.0}; the rest empty.
    @Test func rowsLandInTheirTenthAndAreAveraged() throws {
        let bins = CalibrationBin.table(probabilities: [0.05, 0.15, 0.12, 0.95, 1.0, 0.3], labels: [0, 1, 0, 1, 1, 0])
        #expect(bins.count == 10)
        #expect(bins.map(\.count) == [1, 1 + 1, 0, 1, 0, 0, 0, 0, 0, 2])
        #expect(bins[0].meanProbability == 0.05 && bins[0].observedFrequency == 0)
        #expect(abs(try #require(bins[1].meanProbability) - 0.135) < 1e-12)
        #expect(bins[1].observedFrequency == 0.5)
        #expect(bins[3].observedFrequency == 0)
        #expect(abs(try #require(bins[9].meanProbability) - 0.975) < 1e-12)
        #expect(bins[9].observedFrequency == 1)
        #expect(bins[2].meanProbability == nil && bins[2].observedFrequency == nil)
        #expect(bins[4].lower == 0.4 && bins[4].upper == 0.5)
    }
}
