import Testing
@testable import Teacher

@Suite struct SplitTests {
    @Test func validationSizeFollowsTheOriginal() {
        #expect(DataSplit.validationCount(rows: 20) == 2)
        #expect(DataSplit.validationCount(rows: 39) == 2)
        #expect(DataSplit.validationCount(rows: 40) == 8)
        #expect(DataSplit.validationCount(rows: 41) == 9)
        #expect(DataSplit.validationCount(rows: 125) == 25)
    }

    @Test func chronologicalSplitPurgesTheHorizonBetweenTrainAndValidation() throws {
        let split = try DataSplit.chronological(rowBars: Array(0..<50), horizon: 7)
        #expect(split.validation == Array(40..<50))
        // A training row at bar t has its label from bar t+7, which must come before bar 40.
        #expect(split.train == Array(0..<33))
        #expect(split.purged == Array(33..<40))
        #expect(split.train.allSatisfy { $0 + 7 < 40 })
    }

    @Test func purgeCountsBarsNotRows() throws {
        // Rows at bars 0..9 and 20..29 (a gap of undefined rows between): validation is the
        // last 2 rows (bars 28, 29); training rows need bar + 7 < 28, so bars 20 and up are purged.
        let bars = Array(0..<10) + Array(20..<30)
        let split = try DataSplit.chronological(rowBars: bars, horizon: 7)
        #expect(split.validation == [18, 19])
        #expect(split.train.map { bars[$0] } == Array(0..<10) + [20])
        #expect(split.purged.count == 7)
    }

    @Test func aPurgeThatLeavesNoTrainingRowsIsInsufficientData() {
        let error = #expect(throws: TeacherError.self) { try DataSplit.chronological(rowBars: Array(0..<20), horizon: 30) }
        #expect(error?.failureClass == .insufficientData)
    }

    @Test func stratifiedShuffleKeepsLabelSharesAndIsSeeded() {
        let labels: [Double] = (0..<100).map { $0 % 4 == 0 ? 1 : 0 }
        let split = DataSplit.stratifiedShuffle(labels: labels, seed: 42)
        #expect(split.validation.count == 20)
        #expect(split.validation.filter { labels[$0] == 1 }.count == 5)
        #expect(Set(split.train).isDisjoint(with: split.validation))
        #expect(split.train.count + split.validation.count == 100)
        #expect(split.purged.isEmpty)
        #expect(DataSplit.stratifiedShuffle(labels: labels, seed: 42) == split)
        #expect(DataSplit.stratifiedShuffle(labels: labels, seed: 7).validation != split.validation)
        // Shuffled, not the newest rows.
        #expect(split.validation != Array(80..<100))
    }

    @Test func stratifiedShuffleWithSmallCounts() {
        // 30 rows: 2 validation rows, one from each label (shares 21:9 -> 1.4 : 0.6, remainders favour label 1).
        let labels: [Double] = (0..<30).map { $0 < 9 ? 1 : 0 }
        let split = DataSplit.stratifiedShuffle(labels: labels, seed: 42)
        #expect(split.validation.count == 2)
        #expect(Set(split.validation.map { labels[$0] }) == [0, 1])
        // A label with a single row cannot be stratified: rows are drawn from all.
        let lone: [Double] = [1] + [Double](repeating: 0, count: 29)
        #expect(DataSplit.stratifiedShuffle(labels: lone, seed: 42).validation.count == 2)
    }

    @Test func largestRemainderAllocation() {
        #expect(DataSplit.allocate(20, among: [75, 25]) == [15, 5])
        #expect(DataSplit.allocate(2, among: [21, 9]) == [1, 1])
        #expect(DataSplit.allocate(3, among: [1, 1, 5]) == [0, 0, 3])
    }
}
