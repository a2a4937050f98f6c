import Foundation
import Testing
@testable import LightGBM

/// A separable two-feature problem: label 1 when x0 + 0.5 x1 > 0.
struct ToyProblem {
    let matrix: RowMajorMatrix
    let labels: [Double]

    init(rows: Int, seed: UInt64) throws {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
        var values: [Double] = []
        var labels: [Double] = []
        for _ in 0..<rows {
            let x0 = next(), x1 = next()
            values += [x0, x1]
            labels.append(x0 + 0.5 * x1 > 0 ? 1 : 0)
        }
        matrix = try RowMajorMatrix(values: values, rowCount: rows, columnCount: 2)
        self.labels = labels
    }
}

let toyParameters: LightGBMParameters = try! LightGBMParameters([
    "objective": "binary", "num_leaves": "7", "learning_rate": "0.1", "min_data_in_leaf": "5",
    "deterministic": "true", "seed": "42", "num_threads": "1", "verbosity": "-1", "force_col_wise": "true",
])

func trainedToyBooster(iterations: Int = 20) throws -> (Booster, ToyProblem) {
    let library = try LightGBMLibrary.shared()
    let problem = try ToyProblem(rows: 200, seed: 7)
    let train = try Dataset(matrix: problem.matrix, labels: problem.labels, parameters: toyParameters,
                            featureNames: ["x0", "x1"], library: library)
    let booster = try Booster(training: train, parameters: toyParameters)
    for _ in 0..<iterations { try booster.updateOneIteration() }
    return (booster, problem)
}

@Suite struct BoosterTests {
    @Test func learnsTheToyProblem() throws {
        let (booster, problem) = try trainedToyBooster()
        #expect(try booster.currentIteration() == 20)
        let predictions = try booster.predict(problem.matrix)
        #expect(predictions.count == problem.labels.count)
        let correct = zip(predictions, problem.labels).filter { ($0 > 0.5 ? 1.0 : 0.0) == $1 }.count
        #expect(Double(correct) / Double(predictions.count) > 0.9)
    }

    @Test func modelTextRoundTripPredictsIdentically() throws {
        let (booster, problem) = try trainedToyBooster()
        let text = try booster.modelString(iterations: 12)
        #expect(ModelText.formatVersion(of: text) == "v4")
        #expect(text.contains("feature_names=x0 x1"))
        let reloaded = try Booster(modelString: text, library: try LightGBMLibrary.shared())
        #expect(try reloaded.currentIteration() == 12)
        #expect(try reloaded.predict(problem.matrix) == (try booster.predict(problem.matrix, iterations: 12)))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("toy-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try Booster(modelFile: file, library: try LightGBMLibrary.shared())
        #expect(try fromFile.predict(problem.matrix) == (try reloaded.predict(problem.matrix)))
        #expect(try fromFile.modelString() == text)
    }

    @Test func predictionParametersDoNotChangeTheValues() throws {
        let (booster, problem) = try trainedToyBooster()
        let oneThread = try LightGBMParameters(["num_threads": "1"])
        #expect(try booster.predict(problem.matrix, parameters: oneThread) == (try booster.predict(problem.matrix)))
        #expect(throws: LightGBMError.self) {
            try booster.predict(try RowMajorMatrix(values: [1, 2, 3], rowCount: 1, columnCount: 3))
        }
    }

    @Test func featureImportanceBySplitAndGain() throws {
        let (booster, _) = try trainedToyBooster()
        let split = try booster.featureImportance(.split)
        let gain = try booster.featureImportance(.gain)
        #expect(split.count == 2 && gain.count == 2)
        #expect(split.allSatisfy { $0 == $0.rounded() && $0 > 0 })
        // x0 carries twice x1's weight in the label rule.
        #expect(gain[0] > gain[1])
        #expect(try booster.featureImportance(.split, iterations: 1).reduce(0, +) < split.reduce(0, +))
    }

    @Test func consecutiveRowsReadInPlaceTrainAsTheirCopyDoes() throws {
        let library = try LightGBMLibrary.shared()
        let problem = try ToyProblem(rows: 200, seed: 7)
        let rows = 40..<170
        func model(_ dataset: Dataset) throws -> String {
            let booster = try Booster(training: dataset, parameters: toyParameters)
            for _ in 0..<10 { try booster.updateOneIteration() }
            return try booster.modelString()
        }
        let labels = Array(problem.labels[rows])
        let inPlace = try Dataset(matrix: problem.matrix, rows: rows, labels: labels, parameters: toyParameters, library: library)
        let copied = try Dataset(matrix: problem.matrix.selectingRows(Array(rows)), labels: labels, parameters: toyParameters,
                                 library: library)
        #expect(inPlace.rowCount == rows.count)
        #expect(try model(inPlace) == model(copied))
        #expect(try model(inPlace) != model(try Dataset(matrix: problem.matrix, rows: 0..<130, labels: labels,
                                                         parameters: toyParameters, library: library)))
        #expect(throws: LightGBMError.self) {
            try Dataset(matrix: problem.matrix, rows: 150..<201, labels: Array(repeating: 0, count: 51),
                        parameters: toyParameters, library: library)
        }
    }

    @Test func rollbackRemovesTheLastIteration() throws {
        let (booster, problem) = try trainedToyBooster(iterations: 5)
        let atFour = try booster.predict(problem.matrix, iterations: 4)
        try booster.rollbackOneIteration()
        #expect(try booster.currentIteration() == 4)
        #expect(try booster.predict(problem.matrix) == atFour)
    }

    @Test func validationEvaluationAndEarlyStopping() throws {
        let library = try LightGBMLibrary.shared()
        let problem = try ToyProblem(rows: 200, seed: 7)
        let holdout = try ToyProblem(rows: 80, seed: 99)
        let train = try Dataset(matrix: problem.matrix, labels: problem.labels, parameters: toyParameters, library: library)
        let valid = try Dataset(matrix: holdout.matrix, labels: holdout.labels, parameters: toyParameters,
                                reference: train, library: library)
        let booster = try Booster(training: train, parameters: toyParameters)
        try booster.addValidation(valid)
        #expect(try booster.evaluationNames() == ["binary_logloss"])

        let outcome = try booster.train(maxIterations: 300, stoppingRounds: 10)
        #expect(outcome.metricName == "binary_logloss")
        #expect(outcome.stoppedEarly)
        #expect(outcome.iterationsRun == outcome.bestIteration + 10)
        let best = try #require(outcome.bestScore)
        // The recorded best is the validation logloss of the model cut at the best iteration.
        let cut = try Booster(modelString: try booster.modelString(iterations: outcome.bestIteration), library: library)
        let p = try cut.predict(holdout.matrix)
        let logloss = -zip(p, holdout.labels).map { $1 == 1 ? log($0) : log(1 - $0) }.reduce(0, +) / Double(p.count)
        #expect(abs(logloss - best) < 1e-9)
    }

    /// The output kept while training is what predicting the rows at the best iteration gives,
    /// bit for bit, with and without early stopping (and without a validation set).
    @Test func theBestIterationsOutputIsKeptWhileTraining() throws {
        let library = try LightGBMLibrary.shared()
        let problem = try ToyProblem(rows: 200, seed: 7)
        let holdout = try ToyProblem(rows: 80, seed: 99)
        for (rounds, validated) in [(10, true), (0, true), (5, false)] {
            let train = try Dataset(matrix: problem.matrix, labels: problem.labels, parameters: toyParameters, library: library)
            let booster = try Booster(training: train, parameters: toyParameters)
            if validated {
                try booster.addValidation(try Dataset(matrix: holdout.matrix, labels: holdout.labels, parameters: toyParameters,
                                                      reference: train, library: library))
            }
            let (outcome, output) = try booster.trainKeepingBestOutput(maxIterations: 300, stoppingRounds: rounds)
            #expect(outcome.stoppedEarly == (rounds > 0 && validated))
            #expect(output.train == (try booster.predict(problem.matrix, iterations: outcome.bestIteration)))
            #expect(output.validation == (validated ? try booster.predict(holdout.matrix, iterations: outcome.bestIteration) : []))
        }
    }

    @Test func trainingWithoutValidationRunsAllIterations() throws {
        let library = try LightGBMLibrary.shared()
        let problem = try ToyProblem(rows: 100, seed: 3)
        let train = try Dataset(matrix: problem.matrix, labels: problem.labels, parameters: toyParameters, library: library)
        let booster = try Booster(training: train, parameters: toyParameters)
        let outcome = try booster.train(maxIterations: 15, stoppingRounds: 5)
        #expect(outcome == TrainingOutcome(bestIteration: 15, bestScore: nil, metricName: nil, iterationsRun: 15, stoppedEarly: false))
    }

    @Test func lightGBMErrorsCarryItsMessage() throws {
        let library = try LightGBMLibrary.shared()
        let problem = try ToyProblem(rows: 50, seed: 1)
        var bad = toyParameters
        try bad.set("objective", "no_such_objective")
        let error = #expect(throws: LightGBMError.self) {
            let train = try Dataset(matrix: problem.matrix, labels: problem.labels, parameters: toyParameters, library: library)
            _ = try Booster(training: train, parameters: bad)
        }
        guard case .call(let function, let message)? = error else {
            Issue.record("expected a call error, got \(String(describing: error))"); return
        }
        #expect(function == "LGBM_BoosterCreate")
        #expect(message.contains("no_such_objective"))
        #expect(throws: LightGBMError.self) { try Booster(modelString: "not a model", library: library) }
        #expect(throws: LightGBMError.self) {
            try Dataset(matrix: problem.matrix, labels: [1], parameters: toyParameters, library: library)
        }
    }
}
