import ArgumentParser
import Batch
import Foundation
import MarketData
import Pipeline
import Reports

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a batch's report from the ledger: Markdown, self-contained HTML with charts, or JSON.",
        discussion: "Prints to standard output unless --output is given. `train` also writes report.md, report.html and report.json into the batch directory when it ends.")

    @Argument(help: "The batch id (see `sensequant status`).")
    var batchId: String

    @Option(name: .long, help: "markdown, html or json.")
    var format: ReportFormat = .markdown

    @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let text: String
        do {
            var isDir: ObjCBool = false
            if let output, FileManager.default.fileExists(atPath: output, isDirectory: &isDir), isDir.boolValue {
                throw RequestError.usage("--output \(output) is a directory", fix: "pass a file path, e.g. \(output)/\(format.fileName)")
            }
            let store = try LedgerAccess.existing(data.root, ledger.choice())
            text = try format.render(ReportWriter.model(batchId: batchId, ledger: store, dataDirectory: data.dataDir))
        } catch {
            throw failCleanly(error)
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } catch {
            throw failCleanly(error)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }
}
