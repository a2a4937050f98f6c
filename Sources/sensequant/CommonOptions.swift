import ArgumentParser
import Foundation
import MarketData

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Interval: ExpressibleByArgument {}

/// `--data-dir`: the one root every command reads and writes under.
struct DataDirOption: ParsableArguments {
    @Option(name: .long, help: "Data root (holds historical/, models/, state/).")
    var dataDir: String = "data"

    var root: DataRoot { DataRoot(path: dataDir) }
}

/// `--symbols A B C` | `--symbols-file F` | `--universe nifty100`.
struct SymbolSelection: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "NSE symbols, space separated (e.g. RELIANCE TCS).")
    var symbols: [String] = []

    @Option(name: .long, help: "A file with one symbol per line; '#' starts a comment.")
    var symbolsFile: String?

    @Option(name: .long, help: "A named universe: nifty100.")
    var universe: String?

    var isEmpty: Bool { symbols.isEmpty && symbolsFile == nil && universe == nil }

    /// The selected symbols, upper-cased and de-duplicated in order.
    func resolve() throws -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        var all = try symbols.flatMap { $0.split(separator: ",").map(String.init) }.map(Symbol.validate)
        if let file = symbolsFile { all += try SymbolsFile.read(URL(fileURLWithPath: file)) }
        if let name = universe { all += try Universe.named(name).symbols }
        for s in all where seen.insert(s).inserted { out.append(s) }
        guard !out.isEmpty else {
            throw ValidationError("no symbols: pass --symbols A B C, --symbols-file FILE or --universe nifty100")
        }
        return out
    }
}

/// `--start-date` / `--end-date`, inclusive.
struct DateRangeOptions: ParsableArguments {
    @Option(name: .long, help: "First day, YYYY-MM-DD.")
    var startDate: CalendarDay

    @Option(name: .long, help: "Last day (inclusive), YYYY-MM-DD.")
    var endDate: CalendarDay

    func validate() throws {
        guard startDate <= endDate else {
            throw ValidationError("--start-date \(startDate) is after --end-date \(endDate)")
        }
    }

    var range: DayRange { DayRange(startDate, endDate) }
}

/// Prints a classified error as one line and exits non-zero; anything else as a plain error.
func failCleanly(_ error: Error) -> ExitCode {
    let text = (error as? CustomStringConvertible)?.description ?? error.localizedDescription
    FileHandle.standardError.write(Data("error: \(text)\n".utf8))
    if let classified = error as? ClassifiedError, let remedy = classified.remedy {
        FileHandle.standardError.write(Data("  fix: \(remedy)\n".utf8))
    }
    return ExitCode(1)
}

var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
