import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loaded LightGBM shared library. Every other type of this module calls C through it.
///
/// Sendable because it is immutable after loading: function pointers, a path, a version and
/// an alias table. LightGBM's C API may be called from several threads for distinct handles.
public final class LightGBMLibrary: @unchecked Sendable {
    /// The one LightGBM version this package is built and tested against (PyPI `lightgbm`).
    public static let pinnedVersion = "4.6.0"
    /// The text model format that version writes (`version=v4` in `model.txt`).
    public static let modelFormatVersion = "v4"

    /// The file that was loaded, symlinks resolved where known.
    public let path: String
    /// `pinnedVersion` when confirmed by the wheel's `VERSION.txt`, else a statement of what was checked.
    public let version: String
    public let versionVerified: Bool
    let api: CAPI
    private let canonicalNames: [String: String]

    private init(path: String, version: String, versionVerified: Bool, api: CAPI) throws {
        self.path = path
        self.version = version
        self.versionVerified = versionVerified
        self.api = api
        self.canonicalNames = try ParameterAliases.load(api: api)
    }

    // MARK: Loading

    /// The library found by `LibraryCandidate.defaultSearchOrder()`, loaded once per process.
    public static func shared() throws -> LightGBMLibrary {
        try sharedResult.get()
    }

    private static let sharedResult: Result<LightGBMLibrary, LightGBMError> = {
        do { return .success(try load(candidates: LibraryCandidate.defaultSearchOrder())) }
        catch let error as LightGBMError { return .failure(error) }
        catch { return .failure(.libraryUnavailable(attempts: ["\(error)"])) }
    }()

    /// Loads the first candidate that opens. A library that opens but is not the pinned
    /// version is an error at once: later candidates are not tried in its place.
    public static func load(candidates: [LibraryCandidate]) throws -> LightGBMLibrary {
        var attempts: [String] = []
        for candidate in candidates {
            switch open(candidate) {
            case .failure(let reason):
                attempts.append("\(candidate): \(reason)")
            case .success(let handle):
                return try verified(handle: handle, candidate: candidate)
            }
        }
        throw LightGBMError.libraryUnavailable(attempts: attempts.isEmpty ? ["no candidates"] : attempts)
    }

    private static func open(_ candidate: LibraryCandidate) -> Result<UnsafeMutableRawPointer, OpenFailure> {
        let name: String
        switch candidate {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else { return .failure(OpenFailure("no such file")) }
            name = path
        case .systemLoader(let fileName):
            name = fileName
        }
        guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
            return .failure(OpenFailure(dlerror().map { String(cString: $0) } ?? "dlopen failed"))
        }
        return .success(handle)
    }

    private struct OpenFailure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    private static func verified(handle: UnsafeMutableRawPointer, candidate: LibraryCandidate) throws -> LightGBMLibrary {
        let realPath = resolvedPath(handle: handle, candidate: candidate)
        let api = try CAPI(handle: handle, path: realPath)
        let installed = WheelVersion.read(besideLibraryAt: realPath)
        if let installed, installed != pinnedVersion {
            throw LightGBMError.wrongVersion(path: realPath, found: installed, required: pinnedVersion)
        }
        let version = installed ?? "4.x (model format \(modelFormatVersion) checked; no VERSION.txt beside the library)"
        let library = try LightGBMLibrary(path: realPath, version: version, versionVerified: installed != nil, api: api)
        try library.checkModelFormat()
        return library
    }

    private static func resolvedPath(handle: UnsafeMutableRawPointer, candidate: LibraryCandidate) -> String {
        switch candidate {
        case .file(let path):
            return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        case .systemLoader(let name):
            return loadedFilePath(handle: handle) ?? name
        }
    }

    /// The file the system loader picked, asked of the loader itself (`dladdr`).
    private static func loadedFilePath(handle: UnsafeMutableRawPointer) -> String? {
        guard let symbol = dlsym(handle, "LGBM_GetLastError"), let file = SharedObjectInfo.file(containing: symbol) else { return nil }
        return URL(fileURLWithPath: file).resolvingSymlinksInPath().path
    }

    /// Trains a one-row probe model and checks the text format it writes, so a library whose
    /// version cannot be read from disk is still known to write what Python's lightgbm 4 reads.
    private func checkModelFormat() throws {
        let matrix = try RowMajorMatrix(values: [0, 1], rowCount: 2, columnCount: 1)
        let parameters = try LightGBMParameters(["objective": "binary", "verbosity": "-1", "num_threads": "1"])
        let dataset = try Dataset(matrix: matrix, labels: [0, 1], parameters: parameters, library: self)
        let booster = try Booster(training: dataset, parameters: parameters)
        try booster.updateOneIteration()
        let found = ModelText.formatVersion(of: try booster.modelString())
        guard found == Self.modelFormatVersion else {
            throw LightGBMError.wrongVersion(path: path, found: "model format \(found ?? "unknown")", required: Self.pinnedVersion)
        }
    }

    // MARK: Calls

    /// Turns a C return code into a Swift error carrying `LGBM_GetLastError()`.
    func check(_ code: Int32, _ function: String) throws {
        guard code != 0 else { return }
        let message = api.getLastError().map { String(cString: $0) } ?? "unknown error"
        throw LightGBMError.call(function: function, message: message)
    }

    /// The canonical name of a parameter or any of its aliases (`n_estimators` → `num_iterations`),
    /// nil for names LightGBM does not know.
    public func canonicalParameterName(_ name: String) -> String? {
        canonicalNames[name]
    }
}

/// The version the PyPI wheel records in `lightgbm/VERSION.txt`, one directory above `lib/`.
enum WheelVersion {
    static func read(besideLibraryAt libraryPath: String) -> String? {
        let file = URL(fileURLWithPath: libraryPath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("VERSION.txt")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// Facts read from LightGBM's text model format.
public enum ModelText {
    /// The value of the `version=` header line (`v4` for LightGBM 4.x), nil when absent.
    public static func formatVersion(of model: String) -> String? {
        for line in model.split(separator: "\n", maxSplits: 8) where line.hasPrefix("version=") {
            return String(line.dropFirst("version=".count))
        }
        return nil
    }
}
