import Testing
@testable import Evaluation

@Suite struct BlockPermutationNullTests {
    @Test func blocksMoveWholeAndKeepTheirInsideOrder() {
        var rng = SeededGenerator(seed: 3)
        let labels = (0..<10).map(Double.init)
        let shuffled = BlockPermutationNull.blockShuffled(labels, blockLength: 3, using: &rng)
        #expect(shuffled.sorted() == labels)
        #expect(shuffled != labels)
        // Every block starts at a multiple of 3 (or is the lone 9) and runs on consecutively.
        var i = 0
        while i < shuffled.count {
            let start = Int(shuffled[i])
            #expect(start % 3 == 0)
            let length = min(3, 10 - start)
            #expect(Array(shuffled[i..<i + length]) == (start..<start + length).map(Double.init))
            i += length
        }
    }

    // Constant scores: every AUC, observed and null, is exactly 0.5, so all 50 null values
    // reach the observed one and p = (1 + 50) / (1 + 50) = 1.
    @Test func uninformativeScoresGetPValueOne() throws {
        var rng = SeededGenerator(seed: 4)
        let labels = (0..<40).map { Double($0 % 3 == 0 ? 1 : 0) }
        let null = try #require(BlockPermutationNull(scores: Array(repeating: 0.5, count: 40), labels: labels,
                                                     blockLength: 4, permutations: 50, using: &rng))
        #expect(null.observedAUC == 0.5 && null.nullMean == 0.5 && null.nullP95 == 0.5)
        #expect(null.pValue == 1)
    }

    // Scores that separate the classes perfectly: AUC 1. Shuffling 20 one-class blocks of 5
    // gets AUC 1 again only with the original pattern (chance 1 in C(20,10) = 184756), so p
    // is the floor 1 / (1 + 200).
    @Test func perfectScoresGetTheSmallestPValue() throws {
        var rng = SeededGenerator(seed: 5)
        let labels = (0..<100).map { Double(($0 / 5) % 2) }
        let null = try #require(BlockPermutationNull(scores: labels.map { $0 + 0.1 }, labels: labels,
                                                     blockLength: 5, permutations: 200, using: &rng))
        #expect(null.observedAUC == 1)
        #expect(null.pValue == 1.0 / 201)
        #expect(abs(null.nullMean - 0.5) < 0.05)
        #expect(null.nullP95 < 1)
    }

    @Test func oneClassHasNoNull() {
        var rng = SeededGenerator(seed: 6)
        #expect(BlockPermutationNull(scores: [0.1, 0.2], labels: [1, 1], blockLength: 1, permutations: 10, using: &rng) == nil)
    }
}
