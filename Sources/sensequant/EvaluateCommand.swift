import ArgumentParser
import Foundation
import MarketData
import Pipeline

/// Options shared by `evaluate` and `train` (which evaluates when it ends).
struct EvaluationOptions: ParsableArguments {
    @Option(name: .long, help: "Calendar days each window's model scores after its window and embargo (default: the batch's step).")
    var evalDays: Int?
    @Option(name: .long, help: "Symbols picked per date for the top-k excess return (default 10).")
    var topK = 10
    @Option(name: .long, help: "False discovery rate of the promotion gate across symbols (Benjamini-Hochberg, default 0.10).")
    var fdr = 0.10

    func validate() throws {
        if let d = evalDays, d < 1 { throw ValidationError("--eval-days must be at least 1") }
        if topK < 1 { throw ValidationError("--top-k must be at least 1") }
        if !(fdr > 0 && fdr < 1) { throw ValidationError("--fdr must be between 0 and 1") }
    }

    func flow(root: DataRoot, batchId: String) -> EvaluateFlow {
        var flow = EvaluateFlow(root: root, batchId: batchId)
        flow.evalDays = evalDays
        flow.topK = topK
        flow.q = fdr
        return flow
    }
}

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Out-of-sample truth about a batch: walk-forward predictions, cross-sectional skill, the promotion gate.",
        discussion: """
        Each trained window's model scores the trading days after its window (after an embargo of one
        forecast horizon, so no scored label overlaps a training label), until the next window's model
        takes over. Writes <batch dir>/evaluation/predictions.csv and evaluation.json and records the
        verdict in the ledger. Definitions: docs/evaluation.md.
        """)

    @Argument(help: "The batch id (see `sensequant status`).")
    var batchId: String

    @OptionGroup var evaluation: EvaluationOptions
    @Option(name: .long, help: "The interval the batch was trained on, as a check (1day, 30minute, 5minute, 1minute).")
    var interval: Interval?
    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    func run() async throws {
        do {
            var flow = evaluation.flow(root: data.root, batchId: batchId)
            flow.interval = interval
            flow.ledger = try ledger.choice()
            _ = try await flow.run(output: BatchConsole(format: .text))
        } catch {
            throw failCleanly(error)
        }
    }
}
