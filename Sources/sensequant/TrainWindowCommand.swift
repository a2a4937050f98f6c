import ArgumentParser
import Foundation
import MarketData
import Pipeline
import Teacher

/// `sensequant train-window`: one window of one symbol, from the bar cache, with its artifacts.
struct TrainWindowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-window",
        abstract: "Train the teacher model for one window of one symbol from the bar cache.",
        discussion: """
        Reads bars of --interval (daily by default) from <data-dir>/historical (never the network), computes the 15 features and forward-return labels, trains LightGBM and writes model.txt, labels.csv.gz, feature_importance.csv and metadata.json atomically into <output-dir>/<SYMBOL>_<start>_to_<end>/.
        """)

    @Option(name: .long, help: "NSE symbol, e.g. RELIANCE.")
    var symbol: String

    @Option(name: .long, help: "First day of the window, YYYY-MM-DD.")
    var start: CalendarDay

    @Option(name: .long, help: "Last day of the window (inclusive), YYYY-MM-DD.")
    var end: CalendarDay

    @OptionGroup var teacher: TeacherOptions

    @OptionGroup var data: DataDirOption

    @Option(name: .long, help: "Directory that receives the window's artifact directory.")
    var outputDir: String

    func validate() throws {
        guard start <= end else { throw ValidationError("--start \(start) is after --end \(end)") }
        try teacher.validateValues()
    }

    func run() throws {
        do {
            var config = TeacherConfig()
            try teacher.apply(to: &config)
            let (result, elapsed) = try TrainWindowFlow.run(symbol: symbol, window: DayRange(start, end), config: config,
                                                            root: data.root, outputDir: URL(fileURLWithPath: outputDir))
            print(Self.summary(result, elapsed: elapsed))
        } catch {
            throw failCleanly(error)
        }
    }

    static func summary(_ r: WindowResult, elapsed: Duration) -> String {
        func metric(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        let ms = elapsed.inSeconds * 1000
        return "trained \(r.label): \(r.rows.total) rows (train \(r.rows.train), val \(r.rows.validation), purged \(r.rows.purged)), "
            + "best iteration \(r.metrics.bestIteration), early-stopping AUC \(metric(r.metrics.validation.auc)) (in-window, not model quality), "
            + "early-stopping F1 \(metric(r.metrics.validation.f1)), \(String(format: "%.1f", ms)) ms -> \(r.artifactsDirectory.path)"
    }
}
