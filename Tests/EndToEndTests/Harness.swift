import Foundation
import Batch
import MarketData

/// Runs the built `sensequant` binary (the same debug build the tests come from).
enum CLI {
    struct Result {
        var code: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sensequant")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/sensequant")
    }

    static func waitForExit(_ p: Process) async {
        while p.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// Starts the binary with stdout/stderr going to files (no pipe can fill up and block it).
    static func start(_ args: [String], in dir: URL) throws -> (Process, URL, URL) {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = dir.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        let err = dir.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    /// The URL a started `sensequant sandbox` prints (within 30 s), from its stdout file.
    static func sandboxURL(_ out: URL, _ sandbox: Process) async throws -> String {
        let prefix = "Breeze sandbox listening on "
        let deadline = Date().addingTimeInterval(30)
        while sandbox.isRunning && Date() < deadline {
            let text = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line.dropFirst(prefix.count)) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CLIError(message: "the sandbox did not start")
    }

    /// Runs to completion without blocking a thread: the test pool has only as many threads as
    /// cores, and a blocked one can starve in-process servers of other tests.
    @discardableResult
    static func run(_ args: [String], in dir: URL) async throws -> Result {
        let (p, out, err) = try start(args, in: dir)
        await waitForExit(p)
        return Result(code: p.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sq-e2e-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The seed report's market: 96 NIFTY 100 symbols with daily bars 2023-06-01..2025-01-31,
/// of which 8 have no 2024 data. Written once per test process and shared read-only.
enum SeedMarket {
    static let missing = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]

    static func prepare() async throws -> (cache: URL, symbolsFile: URL) {
        let dir = try temporaryDirectory("seed-market")
        let universe = try Universe.named("nifty100").symbols.sorted()
        let dropped = universe.filter { !missing.contains($0) }.suffix(4)
        let symbols = universe.filter { !dropped.contains($0) }
        let file = dir.appendingPathComponent("symbols.txt")
        try ("# the seed report's 96 symbols\n" + symbols.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        var args = ["synthesize", "--symbols-file", file.path, "--start-date", "2023-06-01", "--end-date", "2025-01-31",
                    "--data-dir", dir.path]
        for s in missing { args += ["--gap", "\(s):2024-01-01..2024-12-31"] }
        let r = try await CLI.run(args, in: dir)
        guard r.code == 0 else { throw CLIError(message: "synthesize failed: \(r.stderr)") }
        return (dir.appendingPathComponent("historical"), file)
    }

    static let prepared = Once { try await prepare() }

    /// A fresh data root whose `historical/` is the shared synthetic cache.
    static func dataRoot(_ name: String) async throws -> (root: URL, symbolsFile: URL) {
        let (cache, file) = try await prepared.value()
        let root = try temporaryDirectory(name)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("historical"), withDestinationURL: cache)
        return (root, file)
    }

    static func trainArgs(_ root: URL, _ symbolsFile: URL, workers: Int) -> [String] {
        ["train", "--symbols-file", symbolsFile.path, "--start-date", "2024-01-01", "--end-date", "2024-12-26",
         "--window-days", "180", "--workers", "\(workers)", "--data-dir", root.path]
    }
}

struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What must not depend on workers, interruptions or timing: per window, the outcome and
/// metrics from the ledger, and the model file's bytes.
struct BatchOutcome: Equatable {
    struct Window: Equatable {
        var label: String
        var status: WindowStatus
        var failureClass: FailureClass?
        var reason: String?
        var attempts: Int
        var metrics: String?
        var sampleCounts: String?
        var model: Data?
    }

    var windows: [Window]

    static func read(root: URL, batchId: String) throws -> BatchOutcome {
        try read(ledger: try Ledger(root: DataRoot(url: root)), batchId: batchId)
    }

    static func read(ledger: any LedgerStore, batchId: String) throws -> BatchOutcome {
        BatchOutcome(windows: try ledger.windows(batchId: batchId).map { w in
            let model = w.artifactsPath.flatMap { FileManager.default.contents(atPath: $0 + "/model.txt") }
            return Window(label: w.label, status: w.status, failureClass: w.failureClass, reason: w.reason,
                          attempts: w.attempts, metrics: w.metrics, sampleCounts: w.sampleCounts, model: model)
        })
    }
}

/// The batch id: the first line the train command prints.
func batchId(from stdout: String) -> String? {
    stdout.split(separator: "\n").first.flatMap { line in
        line.hasPrefix("batch ") ? String(line.dropFirst(6)) : nil
    }
}

/// A value computed once, on first use, by whichever test gets there first.
actor Once<T: Sendable> {
    private let make: @Sendable () async throws -> T
    private var task: Task<T, Error>?

    init(_ make: @escaping @Sendable () async throws -> T) { self.make = make }

    func value() async throws -> T {
        if task == nil { task = Task { try await make() } }
        return try await task!.value
    }
}
