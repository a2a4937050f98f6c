import Foundation
import LightGBM
import SystemIO
import Teacher

/// Runs `scripts/bench_lightgbm_python.py` in a child process on a window's matrices, written
/// here as raw little-endian float64 with the same train/validation rows and parameters.
struct PythonLightGBMBench {
    /// The interpreter, looked up on `PATH` through `/usr/bin/env`.
    let interpreter: String
    let script: URL

    struct Result: Decodable {
        var seconds: [Double]
        var iterationsRun: Int
        var bestIteration: Int
        var treesSHA256: String

        enum CodingKeys: String, CodingKey {
            case seconds, iterationsRun = "iterations_run", bestIteration = "best_iteration", treesSHA256 = "trees_sha256"
        }
    }

    /// Writes the window's matrices and the job's settings into `job` (one timed run per call of
    /// `run(job:)`, after one warm-up run in the same process).
    func writeJob(_ prepared: PreparedWindow, split: DataSplit, parameters: LightGBMParameters, in job: URL) throws -> URL {
        try FileManager.default.createDirectory(at: job, withIntermediateDirectories: true)
        let rows = { (indices: [Int]) in indices.flatMap { prepared.features.row($0) } }
        let files: [(String, [Double])] = [
            ("train.f64", rows(split.train)), ("train_labels.f64", split.train.map { prepared.labels[$0] }),
            ("valid.f64", rows(split.validation)), ("valid_labels.f64", split.validation.map { prepared.labels[$0] }),
        ]
        for (name, values) in files {
            try PosixFile.write(Self.littleEndianBytes(values), to: job.appendingPathComponent(name).path)
        }
        let spec: [String: Any] = [
            "columns": prepared.features.columnCount, "feature_names": FeatureSet.names,
            "parameters": parameters.dictionary, "runs": 1, "warmup": 1,
        ]
        try JSONSerialization.data(withJSONObject: spec).write(to: job.appendingPathComponent("job.json"))
        return job
    }

    func run(job: URL) throws -> Result {
        let child = try ChildProcess.run("/usr/bin/env", [interpreter, script.path, job.path])
        guard child.status == 0 else {
            throw BenchFailure("\(interpreter) \(script.path) exited \(child.status) (it needs Python's lightgbm \(LightGBMLibrary.pinnedVersion): scripts/setup.sh)")
        }
        return try JSONDecoder().decode(Result.self, from: Data(contentsOf: job.appendingPathComponent("result.json")))
    }

    static func littleEndianBytes(_ values: [Double]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            let bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
