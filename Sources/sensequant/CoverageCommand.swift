import ArgumentParser
import Foundation
import MarketData
import Pipeline
import Reports

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Audit the bar cache against the NSE trading calendar.",
        discussion: "Per symbol: trading days expected vs present, first and last bar, and the missing days as ranges.")

    @OptionGroup var selection: SymbolSelection
    @OptionGroup var dates: DateRangeOptions

    @Option(name: .long, help: "Bar interval: 1minute, 5minute, 30minute, 1day.")
    var interval: Interval = .oneDay

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Flag(name: .long, help: "Exit non-zero when any trading day is missing.")
    var strict = false

    @Flag(name: .long, help: "Also check every cached day file against the SHA-256 its manifest recorded (exit 1 on a mismatch).")
    var verify = false

    @OptionGroup var data: DataDirOption

    func run() throws {
        let flow: CoverageFlow
        let outcome: CoverageFlow.Outcome
        do {
            var f = CoverageFlow(root: data.root, symbols: try selection.resolve(), interval: interval, range: dates.range)
            f.verify = verify
            flow = f
            outcome = try flow.run()
        } catch {
            throw failCleanly(error)
        }
        let report = outcome.report
        if json {
            print(String(decoding: try JSONEncoder.cache.encode(report), as: UTF8.self))
        } else {
            print(CoverageTable.render(report))
        }
        if verify {
            print(outcome.mismatches.isEmpty ? "verified: every cached day matches its manifest checksum"
                                             : "\(outcome.mismatches.count) cached day file(s) do not match their manifest:")
            for m in outcome.mismatches { print("  " + m.description) }
        }
        if let error = flow.mismatchError(outcome.mismatches) { throw failCleanly(error) }
        let incomplete = report.filter { !$0.isComplete }
        if strict && !incomplete.isEmpty {
            FileHandle.standardError.write(Data("error: \(incomplete.count) of \(report.count) symbols have missing trading days\n".utf8))
            throw ExitCode(1)
        }
    }
}

enum CoverageTable {
    static func render(_ report: [SymbolCoverage]) -> String {
        var rows = [["symbol", "expected", "present", "missing", "first bar", "last bar"]]
        for c in report {
            rows.append([c.symbol, "\(c.expectedDays)", "\(c.presentDays)", "\(c.missingDays)", c.firstBar ?? "-", c.lastBar ?? "-"])
        }
        var out = TextTable.render(rows)
        let gaps = report.filter { !$0.isComplete }
        if gaps.isEmpty {
            out += "\nall \(report.count) symbols complete"
        } else {
            out += "\n\(gaps.count) of \(report.count) symbols have gaps:"
            for c in gaps {
                for run in c.missing { out += "\n  \(c.symbol) \(run)" }
                for day in c.partial { out += "\n  \(c.symbol) partial day \(day)" }
            }
        }
        return out
    }
}
