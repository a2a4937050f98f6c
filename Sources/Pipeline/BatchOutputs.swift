import Batch
import Foundation
import LightGBM
import MarketData
import Reports
import Teacher

/// What a batch leaves beside its models when a run ends: the original's teacher_runs.json and
/// batch state, and the reports. Written by `train`, or by the worker that ends a shared batch.
enum BatchOutputs {
    static func write(_ batch: BatchRecord, ledger: any LedgerStore, root: DataRoot, library: LightGBMLibrary, _ out: FlowOutput) throws {
        let windows = try ledger.windows(batchId: batch.id)
        let p = try batch.decodedParameters()
        let hyper = p.lightgbmResolved ?? (try? TeacherParameters.resolve(overrides: p.lightgbmOverrides, library: library).dictionary)
        try CompatibleExports.writeTeacherRuns(batch: batch, windows: windows, hyperparameters: hyper ?? p.lightgbmOverrides)
        try CompatibleExports.writeBatchState(batch: batch, windows: windows, stateDir: root.state)
        let batchDir = URL(fileURLWithPath: batch.batchDir)
        do {
            let files = try ReportWriter.writeAll(batchId: batch.id, ledger: ledger, to: batchDir, dataDirectory: root.displayPath)
            out.say("report \(files.map(\.path).first { $0.hasSuffix(".html") } ?? files[0].path)", event: "report",
                    fields: ["files": files.map(\.path)])
        } catch {
            // The ledger is the record; a report that cannot be written is rendered again from it.
            let again = RemedyText.render(.report(batchId: batch.id, dataDir: root.dataDirArgument))
            out.say("warning: could not write the report (\(error)); run: \(again)")
        }
    }
}
