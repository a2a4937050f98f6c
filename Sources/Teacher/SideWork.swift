import Foundation
import Synchronization

/// Work that runs on another thread while the caller goes on (a window's labels file, made while
/// LightGBM trains), or at once on the caller's; `value()` waits for it and rethrows what it threw.
final class SideWork<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// `body` is sent to the other thread, which owns what it captures from then on: a trained
    /// booster sent there is also released there, off the caller's path. A queue of its own
    /// (not the global one, whose threads are as many as the cores) so a long body never waits
    /// for another to finish; its thread comes from libdispatch's pool (a new `Thread` took
    /// 0.12 ms to start at the median, and over 3 ms one time in ten during the heavy-window bench).
    init(concurrently: Bool, _ body: sending @escaping () throws -> Value) {
        guard concurrently else {
            result.withLock { $0 = Result { try body() } }
            done.signal()
            return
        }
        let job = Job(body)
        DispatchQueue(label: "sensequant.side-work").async { [self] in
            let outcome = Result { try job.run() }
            result.withLock { $0 = outcome }
            done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        // Signal again so a second call does not wait forever.
        done.signal()
        return try result.withLock { $0! }.get()
    }

    /// The body on its way to the other thread. Unchecked because `sending` already proves the
    /// point: the caller gave up everything the body captures. It is released with the job, after
    /// `value()` is answered, so freeing what it held is never waited for.
    private final class Job: @unchecked Sendable {
        let run: () throws -> Value
        init(_ body: sending @escaping () throws -> Value) { run = body }
    }
}
