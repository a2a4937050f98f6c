import Foundation
import Testing
@testable import Evaluation

@Suite struct BenjaminiHochbergTests {
    /// The 15 p-values of Benjamini & Hochberg (1995), section 4.
    static let textbook: [(name: String, pValue: Double)] = [
        0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
        0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000,
    ].enumerated().map { (String(format: "H%02d", $0.offset + 1), $0.element) }

    // q = 0.05: p(4) = 0.0095 <= 4/15 * 0.05 = 0.0133, but p(5..15) all miss: 4 rejected.
    @Test func textbookExampleAtFivePercent() {
        #expect(benjaminiHochbergRejections(Self.textbook, q: 0.05) == ["H01", "H02", "H03", "H04"])
    }

    // q = 0.10: largest i with p(i) <= i/15 * 0.1 is 9 (0.0459 <= 0.06).
    @Test func textbookExampleAtTenPercentInAnyInputOrder() {
        let expected = (1...9).map { String(format: "H%02d", $0) }
        #expect(benjaminiHochbergRejections(Self.textbook, q: 0.10) == expected)
        #expect(benjaminiHochbergRejections(Self.textbook.reversed(), q: 0.10) == expected)
    }

    // Step-up: 0.04 misses its own cut 0.025, yet is rejected because 0.045 <= 0.05.
    @Test func stepUpRejectsBelowTheLargestPassingRank() {
        #expect(benjaminiHochbergRejections([("b", 0.045), ("a", 0.04)], q: 0.05) == ["a", "b"])
        #expect(benjaminiHochbergRejections([("a", 0.04), ("b", 0.06)], q: 0.05).isEmpty)
        #expect(benjaminiHochbergRejections([], q: 0.05).isEmpty)
    }
}
