import Foundation
import Testing
@testable import Teacher

@Suite struct MetricsTests {
    @Test func aucMatchesTheRankStatistic() {
        // sklearn.metrics.roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) == 0.75
        #expect(ClassificationMetrics.rocAUC(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1]) == 0.75)
        // Ties share credit: roc_auc_score([0,1,0,1], [0.5,0.5,0.2,0.9]) == 0.875
        #expect(ClassificationMetrics.rocAUC(scores: [0.5, 0.5, 0.2, 0.9], labels: [0, 1, 0, 1]) == 0.875)
        #expect(ClassificationMetrics.rocAUC(scores: [0.1, 0.2], labels: [0, 0]) == nil)
    }

    @Test func countsAndLogloss() {
        // Predicted 1,1,0,0 against 1,0,1,0: TP 1, FP 1, FN 1, TN 1.
        let m = ClassificationMetrics(probabilities: [0.9, 0.6, 0.4, 0.2], labels: [1, 0, 1, 0])
        #expect(m.accuracy == 0.5)
        #expect(m.precision == 0.5)
        #expect(m.recall == 0.5)
        #expect(m.f1 == 0.5)
        #expect(m.auc == 0.75)
        let expected = -(log(0.9) + log(0.4) + log(0.4) + log(0.8)) / 4
        #expect(abs(m.logloss! - expected) < 1e-15)
        #expect(m.undefined.isEmpty)
    }

    @Test func undefinedValuesAreNilWithAReason() {
        let m = ClassificationMetrics(probabilities: [0.1, 0.2, 0.3], labels: [0, 0, 0])
        #expect(m.accuracy == 1)
        #expect(m.precision == nil && m.recall == nil && m.f1 == nil && m.auc == nil)
        #expect(m.undefined["auc"] == "only one class present (0 positive of 3)")
        #expect(m.undefined["precision"] == "no row predicted positive")
        #expect(m.undefined["recall"] == "no positive rows")
        #expect(m.logloss != nil)
    }
}
