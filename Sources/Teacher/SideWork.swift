import Foundation
import Synchronization

/// Work for a spare core (a window's labels file, made while LightGBM trains): queued on a
/// serial `lane` while the caller goes on, or done at once on the caller's thread when there is
/// no lane. `value()` waits for it and rethrows what it threw; when the lane has not started it
/// yet (it is busy with earlier work), the caller does it itself instead of waiting in line.
final class SideWork<Value: Sendable>: Sendable {
    private let pending: Mutex<Job?>
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// `body` is sent to the lane, which owns what it captures from then on: a trained booster
    /// sent there is also released there, off the caller's path (unless the caller ends up doing
    /// the job itself). A lane's thread comes from
    /// libdispatch's pool (a new `Thread` took 0.12 ms to start at the median, and over 3 ms one
    /// time in ten during the heavy-window bench).
    init(on lane: DispatchQueue?, _ body: sending @escaping () throws -> Value) {
        pending = Mutex(Job(body))
        guard let lane else {
            runIfPending()
            return
        }
        lane.async { [self] in runIfPending() }
    }

    func value() throws -> Value {
        runIfPending()
        done.wait()
        // Signal again so a second call does not wait forever.
        done.signal()
        return try result.withLock { $0! }.get()
    }

    /// Runs the body unless the lane or the caller already took it. The job (and what its body
    /// holds) is released after `value()` is answered, so freeing it is never waited for.
    private func runIfPending() {
        guard let job = pending.withLock({ $0.take() }) else { return }
        let outcome = Result { try job.run() }
        result.withLock { $0 = outcome }
        done.signal()
    }

    /// The body on its way to the other thread. Unchecked because `sending` already proves the
    /// point: the caller gave up everything the body captures.
    private final class Job: @unchecked Sendable {
        let run: () throws -> Value
        init(_ body: sending @escaping () throws -> Value) { run = body }
    }
}
