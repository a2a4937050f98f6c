import ArgumentParser
import Pipeline

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List batches, or show one batch's counts, rates, duration and failures by class.")

    @Argument(help: "A batch id (default: list all batches).")
    var batchId: String?

    @OptionGroup var data: DataDirOption

    func run() throws {
        do {
            print(try StatusFlow.text(root: data.root, batchId: batchId))
        } catch {
            throw failCleanly(error)
        }
    }
}
