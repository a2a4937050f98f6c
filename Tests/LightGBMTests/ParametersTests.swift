import Testing
@testable import LightGBM

@Suite struct ParametersTests {
    @Test func renderingKeepsInsertionOrderAndReplacesInPlace() throws {
        var p = LightGBMParameters()
        try p.set("objective", "binary")
        try p.set("num_leaves", "127")
        try p.set("objective", "regression")
        #expect(p.description == "objective=regression num_leaves=127")
        #expect(p["num_leaves"] == "127")
        p.remove("objective")
        #expect(p.description == "num_leaves=127")
    }

    @Test func dictionaryInitializerSortsKeys() throws {
        let p = try LightGBMParameters(["seed": "42", "deterministic": "true"])
        #expect(p.description == "deterministic=true seed=42")
    }

    @Test func textLightGBMWouldMisreadIsRejected() {
        var p = LightGBMParameters()
        #expect(throws: LightGBMError.self) { try p.set("num leaves", "1") }
        #expect(throws: LightGBMError.self) { try p.set("a=b", "1") }
        #expect(throws: LightGBMError.self) { try p.set("metric", "auc logloss") }
        #expect(throws: LightGBMError.self) { try p.set("metric", "") }
    }

    @Test func matrixShapeIsChecked() throws {
        #expect(throws: LightGBMError.self) { try RowMajorMatrix(values: [1, 2, 3], rowCount: 2, columnCount: 2) }
        let m = try RowMajorMatrix(values: [1, 2, 3, 4, 5, 6], rowCount: 3, columnCount: 2)
        #expect(Array(m.row(1)) == [3, 4])
        #expect(m.selectingRows([2, 0]).values == [5, 6, 1, 2])
    }

    @Test func metricDirectionMatchesLightGBMPython() {
        #expect(Booster.isHigherBetter("auc"))
        #expect(Booster.isHigherBetter("ndcg@5"))
        #expect(!Booster.isHigherBetter("binary_logloss"))
    }
}
