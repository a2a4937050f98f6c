import Foundation
import Testing
@testable import LightGBM

@Suite struct LibraryLoadingTests {
    @Test func explicitMissingPathGivesOneErrorWithTheFix() throws {
        let order = LibraryCandidate.defaultSearchOrder(environment: ["LIGHTGBM_LIB": "/nonexistent/lib_lightgbm.so"])
        #expect(order == [.file("/nonexistent/lib_lightgbm.so")])
        let error = #expect(throws: LightGBMError.self) { try LightGBMLibrary.load(candidates: order) }
        guard case .libraryUnavailable(let attempts)? = error else {
            Issue.record("expected libraryUnavailable, got \(String(describing: error))"); return
        }
        #expect(attempts == ["/nonexistent/lib_lightgbm.so: no such file"])
        let message = error!.description
        #expect(message.contains("run: make setup"))
        #expect(message.contains("LIGHTGBM_LIB=/path/to/lib_lightgbm.so"))
        #expect(message.contains("4.6.0"))
    }

    @Test func systemLoaderFailureIsReported() throws {
        let error = #expect(throws: LightGBMError.self) {
            try LightGBMLibrary.load(candidates: [.systemLoader("lib_no_such_lightgbm.so")])
        }
        #expect(error?.description.contains("lib_no_such_lightgbm.so") == true)
        #expect(error?.isLibraryProblem == true)
    }

    @Test func aLibraryThatIsNotLightGBMIsRejectedByItsMissingSymbols() throws {
        let zlib = ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib64/libz.so.1"]
            .first { FileManager.default.fileExists(atPath: $0) }
        let path = try #require(zlib, "libz.so.1 not found")
        let error = #expect(throws: LightGBMError.self) { try LightGBMLibrary.load(candidates: [.file(path)]) }
        guard case .missingSymbols(_, let names)? = error else {
            Issue.record("expected missingSymbols, got \(String(describing: error))"); return
        }
        #expect(names.contains("LGBM_BoosterCreate"))
    }

    @Test func wheelWithAnotherVersionIsRejected() throws {
        let real = try LightGBMLibrary.shared().path
        let wheel = FileManager.default.temporaryDirectory.appendingPathComponent("lgbm-wrong-\(UUID().uuidString)/lightgbm")
        defer { try? FileManager.default.removeItem(at: wheel.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: wheel.appendingPathComponent("lib"), withIntermediateDirectories: true)
        let copy = wheel.appendingPathComponent("lib/lib_lightgbm.so")
        try FileManager.default.copyItem(atPath: real, toPath: copy.path)
        try "4.5.0\n".write(to: wheel.appendingPathComponent("VERSION.txt"), atomically: true, encoding: .utf8)

        let error = #expect(throws: LightGBMError.self) { try LightGBMLibrary.load(candidates: [.file(copy.path)]) }
        #expect(error == .wrongVersion(path: copy.resolvingSymlinksInPath().path, found: "4.5.0", required: "4.6.0"))
    }

    @Test func projectInstallLocationIsFoundAboveTheStartDirectories() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lgbm-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".deps/lib"), withIntermediateDirectories: true)
        let installed = root.appendingPathComponent(".deps/lib/lib_lightgbm.so")
        FileManager.default.createFile(atPath: installed.path, contents: Data())

        let order = LibraryCandidate.defaultSearchOrder(environment: [:], executableDirectory: deep, currentDirectory: deep)
        #expect(order == [.file(installed.standardizedFileURL.path), .systemLoader("lib_lightgbm.so")])
    }

    @Test func sharedLibraryIsThePinnedVersion() throws {
        let library = try LightGBMLibrary.shared()
        #expect(library.version == LightGBMLibrary.pinnedVersion)
        #expect(library.versionVerified)
        #expect(library.path.hasSuffix("lib_lightgbm.so"))
    }

    @Test func parameterAliasesComeFromLightGBM() throws {
        let library = try LightGBMLibrary.shared()
        #expect(library.canonicalParameterName("n_estimators") == "num_iterations")
        #expect(library.canonicalParameterName("colsample_bytree") == "feature_fraction")
        #expect(library.canonicalParameterName("min_child_samples") == "min_data_in_leaf")
        #expect(library.canonicalParameterName("device") == "device_type")
        #expect(library.canonicalParameterName("num_leaves") == "num_leaves")
        #expect(library.canonicalParameterName("num_leafs") == nil)
    }
}
