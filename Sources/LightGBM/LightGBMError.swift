/// Every way the LightGBM binding can fail. `description` is one line a user can act on.
public enum LightGBMError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No candidate location held a loadable library. `attempts` lists each place tried and why it failed.
    case libraryUnavailable(attempts: [String])
    /// A library was found but is not the pinned version.
    case wrongVersion(path: String, found: String, required: String)
    /// A library was found but lacks functions this binding calls (an older or foreign build).
    case missingSymbols(path: String, names: [String])
    /// A C API call returned nonzero; `message` is `LGBM_GetLastError()`.
    case call(function: String, message: String)
    /// The caller passed something LightGBM cannot take (shape mismatch, bad parameter text).
    case invalidArgument(String)

    /// How to get a working library.
    public static let installRemedy =
        "run: make setup (installs lightgbm==\(LightGBMLibrary.pinnedVersion)), or set LIGHTGBM_LIB=/path/to/lib_lightgbm.so"

    public var description: String {
        isLibraryProblem ? "\(summary). Fix: \(Self.installRemedy)" : summary
    }

    /// What went wrong, without the fix (for callers that print the remedy separately).
    public var summary: String {
        switch self {
        case .libraryUnavailable(let attempts):
            return "LightGBM \(LightGBMLibrary.pinnedVersion) library not found (tried: \(attempts.joined(separator: "; ")))"
        case .wrongVersion(let path, let found, let required):
            return "LightGBM at \(path) is version \(found), this build needs \(required)"
        case .missingSymbols(let path, let names):
            return "LightGBM at \(path) lacks \(names.joined(separator: ", ")); it is not LightGBM \(LightGBMLibrary.pinnedVersion)"
        case .call(let function, let message):
            return "LightGBM \(function) failed: \(message)"
        case .invalidArgument(let message):
            return "LightGBM: \(message)"
        }
    }

    /// True for errors about the library itself (as opposed to data or parameters).
    public var isLibraryProblem: Bool {
        switch self {
        case .libraryUnavailable, .wrongVersion, .missingSymbols: true
        case .call, .invalidArgument: false
        }
    }
}
