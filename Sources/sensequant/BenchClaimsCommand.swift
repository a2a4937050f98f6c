import ArgumentParser
import Foundation
import Pipeline

/// `make bench-distributed` measures the ledger's cost per window with this.
struct BenchClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-claims",
        abstract: "Time claiming and finishing windows on a shared ledger, without training (run through `make bench-distributed`).",
        shouldDisplay: false)

    @OptionGroup var ledger: LedgerOption

    @Option(name: .long, help: "Windows to claim and finish.")
    var windows = 1000

    func run() throws {
        do {
            let r = try ClaimBench.run(try ledger.choice(), windows: windows)
            print(String(format: "claim %.3f ms + finish %.3f ms = %.3f ms per window over %d windows",
                         r.claimMilliseconds, r.finishMilliseconds, r.perWindowMilliseconds, r.windows))
        } catch {
            throw failCleanly(error)
        }
    }
}
