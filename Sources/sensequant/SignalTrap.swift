import Batch
import Foundation
import Pipeline
import Synchronization

/// SIGINT/SIGTERM while `body` runs: the first asks the flow to stop starting windows (it ends
/// `interrupted`, resumable); a second exits at once.
func withSignalTrap<T>(_ out: FlowOutput, _ body: (CancellationFlag) async throws -> T) async throws -> T {
    let cancellation = CancellationFlag()
    let trap = SignalTrap(cancellation: cancellation) {
        out.say("interrupt: finishing running windows, starting no more (again to quit at once)")
    }
    defer { trap.release() }
    return try await body(cancellation)
}

final class SignalTrap {
    private let sources: [DispatchSourceSignal]

    private final class Count: Sendable {
        let value = Atomic(0)
    }

    init(cancellation: CancellationFlag, onFirst: @escaping @Sendable () -> Void) {
        var sources: [DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: sig, queue: .global()))
        }
        self.sources = sources
        let count = Count()
        for source in sources {
            source.setEventHandler {
                if count.value.add(1, ordering: .relaxed).newValue == 1 {
                    cancellation.cancel()
                    onFirst()
                } else {
                    exit(130)
                }
            }
            source.resume()
        }
    }

    func release() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
