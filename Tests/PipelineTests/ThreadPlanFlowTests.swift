import Batch
import Foundation
import MarketData
import Pipeline
import Testing

/// LightGBM's threads are planned when a batch is created and recorded; a resume with other
/// `--workers` keeps them, so its models are trained exactly as the first run's.
@Suite struct ThreadPlanFlowTests {
    let cores = ProcessInfo.processInfo.activeProcessorCount

    func newBatch(_ root: DataRoot, interval: Interval, symbols: [String], workers: Int) -> TrainRequest {
        let parameters = BatchParameters(startDate: CalendarDay("2024-01-01")!, endDate: CalendarDay("2024-06-29")!, interval: interval)
        return TrainRequest(root: root, target: .new(symbols: symbols, universe: nil, parameters: parameters), workers: workers)
    }

    @Test func oneLargeWindowGetsTheCoresButOneAndAResumeElsewhereKeepsThem() throws {
        let dir = try temporaryDirectory("threads")
        defer { try? FileManager.default.removeItem(at: dir) }
        let root = DataRoot(url: dir)
        var request = newBatch(root, interval: .fiveMinute, symbols: ["RELIANCE"], workers: 1)
        request.cores = 4
        let created = try TrainFlow.start(request)
        let recorded = created.session.parameters
        #expect(recorded.lightgbmThreads == 3, "one core left for the window's labels.csv.gz")
        #expect(recorded.lightgbmResolved?["num_threads"] == "3")

        var resume = TrainRequest(root: root, target: .resume(batchId: created.session.batch.id, askedSymbols: nil), workers: 6)
        resume.cores = 2
        let resumed = try TrainFlow.start(resume)
        #expect(resumed.session.parameters.lightgbmThreads == 3)
        #expect(resumed.session.parameters.lightgbmResolved == recorded.lightgbmResolved)
    }

    @Test func dailyWindowsTrainOnOneThreadEach() throws {
        let dir = try temporaryDirectory("threads-daily")
        defer { try? FileManager.default.removeItem(at: dir) }
        let flow = try TrainFlow.start(newBatch(DataRoot(url: dir), interval: .oneDay, symbols: ["RELIANCE"], workers: 1))
        #expect(flow.session.parameters.lightgbmThreads == 1)
        #expect(flow.session.parameters.lightgbmResolved?["num_threads"] == "1")
    }

    @Test func anExplicitNumThreadsParameterIsWhatTheModelsUse() throws {
        let dir = try temporaryDirectory("threads-param")
        defer { try? FileManager.default.removeItem(at: dir) }
        var request = newBatch(DataRoot(url: dir), interval: .fiveMinute, symbols: ["RELIANCE"], workers: 1)
        if case .new(let symbols, let universe, var p) = request.target {
            p.lightgbmOverrides = ["nthread": "3"]
            request.target = .new(symbols: symbols, universe: universe, parameters: p)
        }
        let flow = try TrainFlow.start(request)
        #expect(flow.session.parameters.lightgbmResolved?["num_threads"] == "3")
    }
}
