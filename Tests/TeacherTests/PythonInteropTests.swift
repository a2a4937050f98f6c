import Foundation
import LightGBM
import Testing
@testable import Teacher

/// Python's `lightgbm` (installed by `make setup`) must read `model.txt` and predict exactly
/// what the Swift side predicts.
@Suite struct PythonInteropTests {
    static let script = """
    import sys, lightgbm, numpy as np
    booster = lightgbm.Booster(model_file=sys.argv[1])
    rows = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
    print(lightgbm.__version__)
    for p in booster.predict(rows):
        print(repr(float(p)))
    """

    @Test func pythonLightGBMLoadsModelTxtAndPredictsTheSame() throws {
        let trainer = try WindowTrainer()
        let w = LearnableWindow()
        let dir = try temporaryDirectory("python")
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try trainer.train(symbol: "CYCLE", window: w.window, bars: w.bars, config: TeacherConfig(),
                                       outputDir: dir.appendingPathComponent("w"))
        let modelFile = result.artifactsDirectory.appendingPathComponent("model.txt")

        let prepared = try PreparedWindow.prepare(symbol: "CYCLE", window: w.window, allBars: w.bars, config: TeacherConfig())
        let features = prepared.features
        // Swift's description of a Double is its shortest round-trip text, which Python parses exactly.
        let csv = (0..<features.rowCount).map { features.row($0).map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n")
        let rowsFile = dir.appendingPathComponent("rows.csv")
        try Data(csv.utf8).write(to: rowsFile)
        let swiftPredictions = try Booster(modelFile: modelFile, library: trainer.library).predict(features)

        let output = try runPython(Self.script, arguments: [modelFile.path, rowsFile.path])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == LightGBMLibrary.pinnedVersion)
        let pythonPredictions = lines.dropFirst().compactMap(Double.init)
        #expect(pythonPredictions.count == features.rowCount)
        #expect(pythonPredictions == swiftPredictions)
    }

    private func runPython(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed: \(String(decoding: err, as: UTF8.self))")
        return String(decoding: out, as: UTF8.self)
    }
}
