import Synchronization

/// Set once (by SIGINT/SIGTERM) to stop starting new windows.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic(false)

    public init() {}

    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    public func cancel() { cancelled.store(true, ordering: .releasing) }
}
