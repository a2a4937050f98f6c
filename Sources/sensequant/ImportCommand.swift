import ArgumentParser
import Foundation
import MarketData
import Pipeline
import SystemIO

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate OHLCV CSV files and write them into the bar cache.",
        discussion: """
        Every row is checked (timestamp, low <= open/close <= high, volume >= 0, no NaN, no duplicate timestamps). A bad row stops the import with FILE:LINE and nothing is written; --lenient skips bad rows instead and reports how many.
        """)

    @Argument(help: "CSV files (header timestamp,open,high,low,close,volume; aliases and .csv.gz accepted).")
    var files: [String]

    @Option(name: .long, help: "NSE symbol the rows belong to.")
    var symbol: String

    @Option(name: .long, help: "Bar interval: 1minute, 5minute, 30minute, 1day.")
    var interval: Interval = .oneDay

    @Flag(name: .long, help: "Skip bad rows instead of refusing the import.")
    var lenient = false

    @OptionGroup var data: DataDirOption

    func run() throws {
        do {
            let symbol = try Symbol.validate(symbol)
            try files.forEach(Self.checkReadable)
            let result: ImportResult
            do {
                result = try CSVImport.validate(files: files.map { URL(fileURLWithPath: $0) }, interval: interval, lenient: lenient,
                                                calendar: try TradingCalendar.nse())
            } catch let error as GzipError {
                throw RequestError.input("\(files.filter { $0.hasSuffix(".gz") }.joined(separator: ", ")): \(error)",
                                 fix: "re-export the file, or drop the .gz suffix if it is plain CSV")
            }
            try data.root.cache.write(result.series, symbol: symbol, interval: interval, source: .import,
                                      coveredDays: result.series.days)
            let first = result.series.firstDay.map(\.description) ?? "-"
            let last = result.series.lastDay.map(\.description) ?? "-"
            print("imported \(result.series.count) bar\(result.series.count == 1 ? "" : "s") of \(symbol) \(interval.rawValue) (\(first)..\(last)) into \(data.root.cache.directory(symbol: symbol, interval: interval).path)")
            if !result.skipped.isEmpty {
                print("skipped \(result.skipped.count) bad row(s); first: \(result.skipped[0].description)")
            }
        } catch {
            throw failCleanly(error)
        }
    }

    /// A directory or a `.gz` that is not gzip is named with the fix before any parsing.
    static func checkReadable(_ path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }  // CSVImport names it
        if isDir.boolValue {
            throw RequestError.input("\(path) is a directory, not a CSV file", fix: "pass the CSV files themselves, e.g. \(path)/*.csv")
        }
        if path.hasSuffix(".gz") {
            let head = FileHandle(forReadingAtPath: path).map { h in defer { try? h.close() }; return h.readData(ofLength: 2) }
            if head != Data([0x1F, 0x8B]) {
                throw RequestError.input("\(path) is not gzip data (it does not start with the gzip magic bytes 1f 8b)",
                                 fix: "drop the .gz suffix if it is plain CSV, or re-export it with gzip")
            }
        }
    }
}
