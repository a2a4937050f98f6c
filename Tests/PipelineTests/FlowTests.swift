import Batch
import Foundation
import MarketData
import Pipeline
import Synchronization
import SyntheticMarket
import Testing

/// Collects what a flow says, as the command line would print it.
final class CollectedOutput: FlowOutput {
    private let lines = Mutex<[String]>([])
    private let windows = Mutex(0)

    func say(_ text: String, event: String, fields: [String: any Sendable]) { lines.withLock { $0.append(text) } }
    func progress(_ progress: RunProgress) { windows.withLock { $0 += 1 } }
    func trainingStarted() {}
    func finishLiveLine() {}

    var text: String { lines.withLock { $0.joined(separator: "\n") } }
    var windowsReported: Int { windows.withLock { $0 } }
}

func temporaryDirectory(_ name: String) throws -> URL {
    let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pipeline-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// train, resume and demo through the library layer the command line calls, without the executable.
@Suite(.serialized) struct FlowTests {
    let symbols = ["RELIANCE", "TCS", "INFY", "SBIN"]
    let year = DayRange(CalendarDay("2023-06-01")!, CalendarDay("2025-01-31")!)
    let gap = SyntheticGap(symbol: "SBIN", range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-12-31")!))

    func newBatch(_ root: DataRoot) -> TrainRequest {
        let parameters = BatchParameters(startDate: CalendarDay("2024-01-01")!, endDate: CalendarDay("2024-12-26")!)
        return TrainRequest(root: root, target: .new(symbols: symbols, universe: nil, parameters: parameters), workers: 2)
    }

    @Test func trainSkipsWhatPreflightFindsAndResumeTrainsItOnceTheDataIsThere() async throws {
        let dir = try temporaryDirectory("train")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir.appendingPathComponent("data dir's"))
        try SyntheticMarket(seed: 7, gaps: [gap]).writeCache(to: root.cache, symbols: symbols, range: year)

        let flow = try TrainFlow.start(newBatch(root))
        let out = CollectedOutput()
        #expect(try await flow.run(output: out, cancellation: CancellationFlag()) == .completed)
        let first = flow.session.batch
        #expect((first.total, first.succeeded, first.skipped, first.failed) == (8, 6, 2, 0))
        #expect(out.windowsReported == 6)
        #expect(out.text.contains("preflight: 6 of 8 windows ready, 2 skipped"))
        // The printed fix names the data root, quoted for the shell.
        #expect(out.text.contains("--data-dir '\(root.url.path.replacingOccurrences(of: "'", with: "'\\''"))'"))
        let skipped = try flow.session.windows().filter { $0.status == .skipped }
        guard case .fetch(let fetch)? = skipped.first?.remedy else {
            Issue.record("a skipped window records a structured fetch remedy")
            return
        }
        #expect(fetch.symbols == ["SBIN"])
        #expect(fetch.dataDir == root.url.path)

        // Fill the gap the remedy names, then resume: exactly the skipped windows train.
        try SyntheticMarket(seed: 7).writeCache(to: DataRoot(url: dir.appendingPathComponent("fill")).cache, symbols: ["SBIN"], range: year)
        try FileManager.default.removeItem(at: root.cache.root.appendingPathComponent("SBIN"))
        try FileManager.default.copyItem(at: dir.appendingPathComponent("fill/historical/SBIN"), to: root.cache.root.appendingPathComponent("SBIN"))
        let resumed = try TrainFlow.start(TrainRequest(root: root, target: .resume(batchId: first.id, askedSymbols: nil), workers: 1))
        let again = CollectedOutput()
        #expect(try await resumed.run(output: again, cancellation: CancellationFlag()) == .completed)
        let b = resumed.session.batch
        #expect((b.total, b.succeeded, b.skipped, b.failed, b.runs) == (8, 8, 0, 0, 2))
        #expect(again.windowsReported == 2)
        #expect(FileManager.default.fileExists(atPath: resumed.logURL.path))
    }

    @Test func resumeWithAConflictingFlagIsAUsageErrorThatChangesNothing() async throws {
        let dir = try temporaryDirectory("conflict")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir)
        try SyntheticMarket(seed: 7).writeCache(to: root.cache, symbols: symbols, range: year)
        let flow = try TrainFlow.start(newBatch(root))
        _ = try await flow.run(output: CollectedOutput(), cancellation: CancellationFlag())
        let request = TrainRequest(root: root, target: .resume(batchId: flow.session.batch.id, askedSymbols: nil), workers: 1) {
            $0.windowDays = 90
        }
        #expect(throws: RequestError.self) { try TrainFlow.start(request) }
        #expect(try Ledger(root: root).batch(id: flow.session.batch.id)?.runs == 1)
    }

    @Test func aDamagedCacheFileSkipsItsSymbolAndTheOthersTrain() async throws {
        let dir = try temporaryDirectory("damaged")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir)
        try SyntheticMarket(seed: 7).writeCache(to: root.cache, symbols: symbols, range: year)
        let file = root.cache.directory(symbol: "TCS", interval: .oneDay).appendingPathComponent("2024-03-05.csv")
        try "timestamp,open,high,low,close,volume\n2024-03-05 00:00:00+05:30,1,2\n".write(to: file, atomically: true, encoding: .utf8)
        let flow = try TrainFlow.start(newBatch(root))
        let out = CollectedOutput()
        #expect(try await flow.run(output: out, cancellation: CancellationFlag()) == .completed)
        let b = flow.session.batch
        #expect((b.succeeded, b.skipped, b.failed) == (6, 2, 0))
        let skipped = try flow.session.windows().filter { $0.status == .skipped }
        #expect(skipped.allSatisfy { $0.symbol == "TCS" && $0.failureClass == .dataCorrupt })
        #expect(skipped.first?.reason == "damaged cache file \(file.path):2: expected at least 6 fields, found 3")
        #expect(out.text.contains("1 symbol has a damaged cache file in 2024-01-01..2024-12-26 (2 windows skipped): TCS — run: sensequant fetch --symbols TCS"))
    }

    /// The PyPI library has no CUDA learner (and no OpenCL device here): the first window fails
    /// once as `modelError` saying so, no other window starts, and the batch can be resumed.
    @Test(arguments: ["cuda", "gpu"])
    func aDeviceTheLibraryCannotUseStopsTheBatchAtTheFirstWindow(device: String) async throws {
        let dir = try temporaryDirectory("device")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir)
        try SyntheticMarket(seed: 7).writeCache(to: root.cache, symbols: symbols, range: year)
        var request = newBatch(root)
        if case .new(let s, let u, var p) = request.target {
            p.lightgbmOverrides = ["device_type": device]
            request.target = .new(symbols: s, universe: u, parameters: p)
        }
        request.evaluation = nil
        request.workers = 1
        let flow = try TrainFlow.start(request)
        let out = CollectedOutput()
        #expect(try await flow.run(output: out, cancellation: CancellationFlag()) == .failed)
        let windows = try flow.session.windows()
        let failed = windows.filter { $0.status == .failed }
        #expect(failed.count == 1 && failed[0].attempts == 1 && failed[0].failureClass == .modelError)
        #expect(failed[0].reason?.contains("cannot use the device") == true, "\(failed[0].reason ?? "")")
        #expect(windows.filter { $0.status == .pending }.count == windows.count - 1)
        #expect(out.text.contains("stopped early: "), "\(out.text)")
        #expect(out.text.contains("LIGHTGBM_LIB"))
    }

    @Test func aResumedBatchKeepsItsRecordedPreflightAndParameters() async throws {
        let dir = try temporaryDirectory("recorded")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir)
        try SyntheticMarket(seed: 7, gaps: [gap]).writeCache(to: root.cache, symbols: symbols, range: year)
        var request = newBatch(root)
        if case .new(let s, let u, var p) = request.target {
            p.preflight = false
            request.target = .new(symbols: s, universe: u, parameters: p)
        }
        let flow = try TrainFlow.start(request)
        _ = try await flow.run(output: CollectedOutput(), cancellation: CancellationFlag())
        let id = flow.session.batch.id
        let recorded = try #require(try flow.session.batch.decodedParameters().lightgbmResolved)
        #expect(recorded["num_leaves"] == "127" && recorded["learning_rate"] == "0.05", "every resolved parameter is recorded")
        // Resumed without flags: still no preflight, as recorded.
        let resumed = try TrainFlow.start(TrainRequest(root: root, target: .resume(batchId: id, askedSymbols: nil), workers: 1))
        let out = CollectedOutput()
        _ = try await resumed.run(output: out, cancellation: CancellationFlag())
        #expect(out.text.contains("preflight: off (--no-preflight)"))
        // A flag that contradicts the record is a usage error that names both.
        let contradicting = TrainRequest(root: root, target: .resume(batchId: id, askedSymbols: nil), workers: 1) { $0.preflight = true }
        do {
            _ = try TrainFlow.start(contradicting)
            Issue.record("a conflicting flag must be refused")
        } catch let error as RequestError {
            #expect(error.kind == .usage)
            #expect(error.description.contains("preflight (--no-preflight) on conflicts with the recorded off"))
        }
    }

    @Test func demoRunsEveryStageThroughTheSandbox() async throws {
        let dir = try temporaryDirectory("demo")
        defer { try? FileManager.default.removeItem(at: dir) }
        var demo = DemoFlow(root: DataRoot(url: dir), workers: 2)
        demo.symbols = ["TCS", "SBIN", "INFY"]
        let out = CollectedOutput()
        let outcome = try await demo.run(output: out)
        #expect(outcome.status == .completed)
        #expect((outcome.batch.total, outcome.batch.succeeded, outcome.batch.skipped) == (6, 4, 2))
        #expect(FileManager.default.fileExists(atPath: outcome.reportURL.path))
        for step in ["[1/6] Breeze sandbox", "[2/6] fetch 3 symbols", "[3/6] coverage", "[4/6] train", "[5/6] backtest", "[6/6] summary"] {
            #expect(out.text.contains(step))
        }
    }
}
