import ArgumentParser
import Evaluation
import Foundation
import MarketData
import Pipeline
import Reports

struct PredictCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Today's signals: each symbol's probability from its newest model on the bars up to the as-of trading day.",
        discussion: """
        Uses the newest model that could have been trained by the as-of day (its window and label
        horizon end on or before it). Refuses when a symbol's newest bar is older than the as-of
        trading day, and names the fetch that fixes it. `promoted` says whether that model passed
        the batch's promotion gate (sensequant evaluate).
        """)

    @Argument(help: "The batch id (default: the newest batch with trained windows).")
    var batchId: String?

    @Option(name: .long, help: "The trading day to predict on, YYYY-MM-DD (default: the last cached day).")
    var asOf: CalendarDay?

    @Option(name: .long, parsing: .upToNextOption, help: "Symbols (default: every symbol of the batch with a model).")
    var symbols: [String] = []

    @Option(name: .long, help: "table, csv or json.")
    var format: Format = .table

    @Option(name: .long, help: "Only batches trained on this interval (1day, 30minute, 5minute, 1minute); with a batch id, a check.")
    var interval: Interval?

    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    func run() async throws {
        let outcome: PredictFlow.Outcome
        do {
            var flow = PredictFlow(root: data.root)
            flow.batchId = batchId
            flow.ledger = try ledger.choice()
            flow.asOf = asOf
            flow.interval = interval
            flow.symbols = try symbols.map(Symbol.validate)
            outcome = try await flow.run()
        } catch {
            throw failCleanly(error)
        }
        print(render(outcome), terminator: "")
    }

    func render(_ o: PredictFlow.Outcome) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let object = ["batch_id": AnyEncodable(o.batchId), "as_of": AnyEncodable(o.asOf), "predictions": AnyEncodable(o.predictions)]
            return String(decoding: (try? encoder.encode(object)) ?? Data(), as: UTF8.self) + "\n"
        case .csv:
            return (["symbol,probability,window_label,promoted,bar_date"] + o.predictions.map {
                "\($0.symbol),\($0.probability),\($0.windowLabel),\($0.promoted),\($0.barDate)"
            }).joined(separator: "\n") + "\n"
        case .table:
            let rows = [["symbol", "probability", "model window", "promoted", "bar"]] + o.predictions.map {
                [$0.symbol, String(format: "%.4f", $0.probability), $0.windowLabel, $0.promoted ? "yes" : "no", $0.barDate.description]
            }
            return "batch \(o.batchId), as of \(o.asOf)\n" + TextTable.render(rows) + "\n"
        }
    }
}

/// Lets one JSON object hold values of different types.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
