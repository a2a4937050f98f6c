import ArgumentParser
import Batch
import Foundation
import MarketData
import Pipeline

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Train windows of batches planned with `train --plan-only`, claimed one at a time from a shared PostgreSQL ledger.",
        discussion: """
        Any number of workers, on any number of machines that mount the same data root at the same
        path, share a batch: each claims the next window (FOR UPDATE SKIP LOCKED), holds it under a
        lease its heartbeat renews, and records it only while it still holds it. A worker that dies
        loses its windows when their lease expires; another claims them. Retries, failure classes
        and the batch's final status are those of `train`. A worker exits when no window is left
        to claim or running elsewhere (--follow: it waits for new batches). See docs/distributed.md.
        Exit status: 0 done, 1 the ledger failed (server gone: run the workers again once it is
        back), 130 interrupted, 2 usage error.
        """)

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var data: DataDirOption

    @Option(name: .long, help: "Work on this batch only (default: every batch planned for workers, oldest first).")
    var batch: String?
    @Option(name: .long, help: "Windows trained at once in this process (default: the number of cores).")
    var workers: Int?
    @Option(name: .long, help: "Seconds a claimed window stays this worker's without a heartbeat (default 60; renewed every third of it).")
    var leaseSeconds = 60
    @Flag(name: .long, help: "When nothing is left to claim, wait for new batches instead of exiting.")
    var follow = false

    @Option(name: .long, help: ArgumentHelp("Base delay in seconds between retries (default 0.5).", visibility: .hidden))
    var retryBaseDelay: Double = 0.5

    func validate() throws {
        if let w = workers, w < 1 { throw ValidationError("--workers must be at least 1") }
        if leaseSeconds < 1 { throw ValidationError("--lease-seconds must be at least 1") }
        if follow && batch != nil { throw ValidationError("--follow waits for new batches: drop --batch") }
    }

    func run() async throws {
        let status: BatchStatus
        do {
            var request = WorkerRequest(root: data.root, ledger: try ledger.choice(), batchId: batch,
                                        workers: workers ?? ProcessInfo.processInfo.activeProcessorCount)
            request.leaseSeconds = leaseSeconds
            request.follow = follow
            request.backoff = Backoff(base: retryBaseDelay)
            let flow = WorkerFlow(request)
            let console = BatchConsole(format: .text)
            status = try await withSignalTrap(console) { try await flow.run(output: console, cancellation: $0) }
        } catch {
            throw failCleanly(error)
        }
        if status == .interrupted { throw ExitCode(130) }
    }
}
