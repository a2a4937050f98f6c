import Foundation
import Synchronization
import Testing
@testable import LightGBM
@testable import Teacher

@Suite struct SideWorkTests {
    @Test func withoutALaneTheWorkIsDoneAtOnce() throws {
        let ran = Atomic<Int>(0)
        let work = SideWork<Int>(on: nil) { ran.add(1, ordering: .relaxed); return 7 }
        #expect(ran.load(ordering: .relaxed) == 1)
        #expect(try work.value() == 7)
        #expect(try work.value() == 7)
    }

    @Test func aCallerDoesWorkTheBusyLaneHasNotStartedAndTheLaneThenSkipsIt() throws {
        let lane = DispatchQueue(label: "test-lane")
        let release = DispatchSemaphore(value: 0), laneDone = DispatchSemaphore(value: 0)
        lane.async { release.wait() }  // the lane is busy until released
        let runs = Atomic<Int>(0)
        let work = SideWork<String>(on: lane) {
            runs.add(1, ordering: .relaxed)
            return Thread.isMainThread ? "caller" : "elsewhere"
        }
        // Waiting in line would never end: the caller does it.
        #expect(try work.value() == (Thread.isMainThread ? "caller" : "elsewhere"))
        release.signal()
        lane.async { laneDone.signal() }
        laneDone.wait()
        #expect(runs.load(ordering: .relaxed) == 1)
    }

    @Test func errorsComeBackFromTheLane() {
        struct Failure: Error {}
        let work = SideWork<Int>(on: DispatchQueue(label: "test-lane")) { throw Failure() }
        #expect(throws: Failure.self) { try work.value() }
    }
}

@Suite struct BestIterationMetricsTests {
    static func probabilities(_ seed: UInt64, count: Int) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
    }
    let trainLabels = probabilities(1, count: 500).map { $0 > 0.6 ? 1.0 : 0.0 }
    let validationLabels = probabilities(2, count: 120).map { $0 > 0.6 ? 1.0 : 0.0 }

    func outputs() -> [BestIterationOutput] {
        (0..<6).map { i in
            BestIterationOutput(train: Self.probabilities(10 + UInt64(i), count: 500),
                                validation: Self.probabilities(20 + UInt64(i), count: 120))
        }
    }

    @Test(arguments: [true, false])
    func theMetricsAreThoseOfTheLastOutputKept(withLane: Bool) throws {
        let best = BestIterationMetrics(trainLabels: trainLabels, validationLabels: validationLabels,
                                        lane: withLane ? DispatchQueue(label: "test-lane") : nil)
        let kept = outputs()
        kept.forEach(best.kept)
        let last = kept.last!
        let metrics = try best.value(train: last.train, validation: last.validation)
        #expect(metrics.train == ClassificationMetrics(probabilities: last.train, labels: trainLabels))
        #expect(metrics.validation == ClassificationMetrics(probabilities: last.validation, labels: validationLabels))
    }

    @Test func probabilitiesOtherThanTheLastKeptAreWorkedOutAfresh() throws {
        let best = BestIterationMetrics(trainLabels: trainLabels, validationLabels: validationLabels,
                                        lane: DispatchQueue(label: "test-lane"))
        let kept = outputs()
        kept.dropLast().forEach(best.kept)
        let other = kept.last!
        let metrics = try best.value(train: other.train, validation: other.validation)
        #expect(metrics.train == ClassificationMetrics(probabilities: other.train, labels: trainLabels))
        #expect(metrics.validation == ClassificationMetrics(probabilities: other.validation, labels: validationLabels))
    }
}
