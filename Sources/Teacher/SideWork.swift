import Foundation
import Synchronization

/// Work that runs on a thread of its own while the caller goes on (a window's labels file,
/// made while LightGBM trains), or at once on the caller's; `value()` waits for it and
/// rethrows what it threw.
final class SideWork<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(concurrently: Bool, _ body: @escaping @Sendable () throws -> Value) {
        guard concurrently else {
            result.withLock { $0 = Result { try body() } }
            done.signal()
            return
        }
        let thread = Thread { [self] in
            let outcome = Result { try body() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        thread.start()
    }

    func value() throws -> Value {
        done.wait()
        // Signal again so a second call does not wait forever.
        done.signal()
        return try result.withLock { $0! }.get()
    }
}
