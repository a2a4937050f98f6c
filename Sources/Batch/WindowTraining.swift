import Foundation
import MarketData
import Synchronization

/// What a successfully trained window hands back to the ledger.
public struct WindowTrainingResult: Sendable, Equatable {
    /// Metrics as JSON with sorted keys (e.g. `val_auc`, `val_f1`; undefined values are null).
    public var metricsJSON: String
    /// `{"total": n, "train": n, "validation": n}`.
    public var sampleCountsJSON: String

    public init(metricsJSON: String, sampleCountsJSON: String) {
        self.metricsJSON = metricsJSON
        self.sampleCountsJSON = sampleCountsJSON
    }
}

/// The seam between the batch runner and the teacher: train one window from bars already in
/// memory and write its artifacts atomically into `directory`. Errors should be
/// `ClassifiedError`s; anything else counts as `internal`.
public protocol WindowTraining: Sendable {
    func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult
}

/// A failure the runner records: its class decides whether it is retried.
public struct WindowFailure: ClassifiedError, Equatable {
    public var failureClass: FailureClass
    public var message: String
    public var remedy: Remedy?

    public init(_ failureClass: FailureClass, _ message: String, remedy: Remedy? = nil) {
        self.failureClass = failureClass
        self.message = message
        self.remedy = remedy
    }

    public var description: String { message }

    /// Any error as a classified failure (unclassified errors are `internal`).
    public init(classifying error: Error) {
        if let c = error as? ClassifiedError {
            self.init(c.failureClass, c.description, remedy: c.remedy)
        } else {
            self.init(.internal, String(describing: error))
        }
    }
}

/// Deterministic fault injection for tests and drills (`train --inject-fault CLASS:LABEL[:COUNT]`):
/// the named window fails with CLASS on its first COUNT attempts (default: every attempt).
public struct FaultInjectingTraining: WindowTraining {
    public struct Fault: Sendable, Equatable {
        public var failureClass: FailureClass
        public var label: String
        public var count: Int?

        /// Parses `transient:SBIN_2024-01-01_to_2024-06-29:1`.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || parts.count == 3, let c = FailureClass(rawValue: parts[0]), !parts[1].isEmpty else { return nil }
            failureClass = c
            label = parts[1]
            count = parts.count == 3 ? Int(parts[2]) : nil
            if parts.count == 3 && count == nil { return nil }
        }
    }

    public let base: WindowTraining
    public let faults: [Fault]
    private let counter = AttemptCounter()

    public init(base: WindowTraining, faults: [Fault]) {
        self.base = base
        self.faults = faults
    }

    public func train(_ window: PlannedWindow, bars: BarSeries, directory: URL) throws -> WindowTrainingResult {
        let attempt = counter.next(window.label)
        for f in faults where f.label == window.label && attempt <= (f.count ?? Int.max) {
            throw WindowFailure(f.failureClass, "injected \(f.failureClass.rawValue) fault (attempt \(attempt))")
        }
        return try base.train(window, bars: bars, directory: directory)
    }

    private final class AttemptCounter: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func next(_ label: String) -> Int {
            counts.withLock { counts in
                counts[label, default: 0] += 1
                return counts[label]!
            }
        }
    }
}
