import ArgumentParser
import Pipeline

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List batches, or show one batch's counts, rates, duration and failures by class.")

    @Argument(help: "A batch id (default: list all batches).")
    var batchId: String?

    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    func run() throws {
        do {
            print(try StatusFlow.text(root: data.root, batchId: batchId, ledger: ledger.choice()))
        } catch {
            throw failCleanly(error)
        }
    }
}
