import LightGBM

/// The LightGBM parameters a window trains with: the original's effective ones, plus what
/// makes runs reproducible, with the caller's overrides applied by canonical name.
public enum TeacherParameters {
    /// In the order they appear in `model.txt`'s command line. `num_threads` is the caller's
    /// (`resolve(threads:)`), never derived from a worker count here, because LightGBM writes it
    /// into `model.txt`; with `deterministic` the trees do not depend on it.
    public static let defaults: [(key: String, value: String)] = [
        ("objective", "binary"),
        ("metric", "binary_logloss"),
        ("num_leaves", "127"),
        ("max_depth", "5"),
        ("learning_rate", "0.05"),
        ("num_iterations", "100"),
        ("min_data_in_leaf", "20"),
        ("feature_fraction", "0.8"),
        ("is_unbalance", "true"),
        ("seed", "42"),
        ("early_stopping_round", "50"),
        ("deterministic", "true"),
        // Skips LightGBM's timing-based row/column-wise choice, which is not reproducible.
        ("force_col_wise", "true"),
        ("num_threads", "1"),
        ("verbosity", "-1"),
    ]

    /// Defaults with `overrides` applied. Override names may be any LightGBM alias
    /// (`n_estimators`, `colsample_bytree`); they replace the default of the same canonical
    /// name, and new names follow the defaults in sorted order.
    /// `threads` replaces the default `num_threads`; an override of it still wins.
    public static func resolve(overrides: [String: String], threads: Int = 1, library: LightGBMLibrary) throws -> LightGBMParameters {
        var parameters = LightGBMParameters()
        do {
            for (key, value) in defaults { try parameters.set(key, key == "num_threads" ? "\(max(1, threads))" : value) }
            var givenAs: [String: String] = [:]
            for key in overrides.keys.sorted() {
                guard let canonical = library.canonicalParameterName(key) else {
                    throw TeacherError.invalidInput("unknown LightGBM parameter '\(key)'")
                }
                if let other = givenAs[canonical] {
                    throw TeacherError.invalidInput("LightGBM parameter \(canonical) given twice (as \(other) and \(key))")
                }
                givenAs[canonical] = key
                try parameters.set(canonical, overrides[key]!)
            }
        } catch let error as LightGBMError {
            throw TeacherError.invalidInput(error.description)
        }
        return parameters
    }

    /// The iteration budget and early-stopping patience the training loop applies.
    public static func trainingSchedule(_ parameters: LightGBMParameters) throws -> (maxIterations: Int, stoppingRounds: Int) {
        func count(_ key: String) throws -> Int {
            guard let text = parameters[key], let value = Int(text), value >= 0 else {
                throw TeacherError.invalidInput("LightGBM parameter \(key) must be a whole number >= 0, got '\(parameters[key] ?? "")'")
            }
            return value
        }
        return (try count("num_iterations"), try count("early_stopping_round"))
    }
}
