import LightGBM
import Testing
@testable import Teacher

@Suite struct ParameterTests {
    @Test func defaultsAreTheOriginalsEffectiveParameters() throws {
        let p = try TeacherParameters.resolve(overrides: [:], library: try LightGBMLibrary.shared())
        #expect(p["num_leaves"] == "127")
        #expect(p["max_depth"] == "5")
        #expect(p["learning_rate"] == "0.05")
        #expect(p["num_iterations"] == "100")
        #expect(p["min_data_in_leaf"] == "20")
        #expect(p["feature_fraction"] == "0.8")
        #expect(p["is_unbalance"] == "true")
        #expect(p["seed"] == "42")
        #expect(p["early_stopping_round"] == "50")
        #expect(p["deterministic"] == "true")
        #expect(p["num_threads"] == "1")
    }

    @Test func overridesReplaceByCanonicalName() throws {
        let p = try TeacherParameters.resolve(
            overrides: ["n_estimators": "1000", "num_leaves": "255", "device_type": "gpu", "gpu_use_dp": "true"],
            library: try LightGBMLibrary.shared())
        #expect(p["num_iterations"] == "1000")
        #expect(p["n_estimators"] == nil)
        #expect(p["num_leaves"] == "255")
        // New names follow the defaults, sorted.
        #expect(p.entries.suffix(2).map(\.key) == ["device_type", "gpu_use_dp"])
        #expect(p.entries.count == TeacherParameters.defaults.count + 2)
    }

    @Test func unknownOrDuplicatedParametersAreInvalidInput() throws {
        let library = try LightGBMLibrary.shared()
        let unknown = #expect(throws: TeacherError.self) {
            try TeacherParameters.resolve(overrides: ["num_leafs": "3"], library: library)
        }
        #expect(unknown?.failureClass == .invalidInput)
        #expect(unknown?.message.contains("num_leafs") == true)
        let twice = #expect(throws: TeacherError.self) {
            try TeacherParameters.resolve(overrides: ["n_estimators": "3", "num_iterations": "4"], library: library)
        }
        #expect(twice?.failureClass == .invalidInput)
        let spaced = #expect(throws: TeacherError.self) {
            try TeacherParameters.resolve(overrides: ["metric": "auc binary_logloss"], library: library)
        }
        #expect(spaced?.failureClass == .invalidInput)
    }

    @Test func assignmentsAndFiles() throws {
        #expect(try ParameterInput.parseAssignment(" num_leaves = 63 ") == ("num_leaves", "63"))
        #expect(throws: TeacherError.self) { try ParameterInput.parseAssignment("num_leaves") }
        #expect(throws: TeacherError.self) { try ParameterInput.parseAssignment("=3") }
        #expect(try ParameterInput.parseAssignments(["a=1", "b=2", "a=3"]) == ["a": "3", "b": "2"])

        let lines = "# tuned\nnum_leaves=63\n\nlearning_rate = 0.1\n"
        #expect(try ParameterInput.parseFile(lines) == ["num_leaves": "63", "learning_rate": "0.1"])
        let json = #"{"num_leaves": 63, "learning_rate": 0.1, "is_unbalance": false, "device_type": "gpu", "metric": ["auc", "binary_logloss"]}"#
        #expect(try ParameterInput.parseFile(json) == [
            "num_leaves": "63", "learning_rate": "0.1", "is_unbalance": "false", "device_type": "gpu", "metric": "auc,binary_logloss",
        ])
        #expect(throws: TeacherError.self) { try ParameterInput.parseFile(#"{"a": {"b": 1}}"#) }
    }
}
