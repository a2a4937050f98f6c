import ArgumentParser
import Foundation
import MarketData
import Pipeline
import SyntheticMarket

extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Interval: ExpressibleByArgument {}

extension MarketDynamics: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

/// `--data-dir`: the one root every command reads and writes under.
struct DataDirOption: ParsableArguments {
    @Option(name: .long, help: "Data root (holds historical/, models/, state/).")
    var dataDir: String = "data"

    var root: DataRoot { DataRoot(path: dataDir) }

    /// A data root that is a file (or lies under one) can never be read or written: say so
    /// before any command touches it, instead of failing later with a Foundation error dump.
    func validate() throws {
        if let problem = Self.notADirectory(dataDir) {
            throw ValidationError("--data-dir \(dataDir): \(problem); pass a directory (it is created when missing)")
        }
    }

    /// Why `path` cannot be used as a directory, or nil when it is one or can be created.
    static func notADirectory(_ path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
            return isDir.boolValue ? nil : "is a file, not a directory"
        }
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) {
                return isDir.boolValue ? nil : "\(url.path) is a file, not a directory"
            }
        }
        return nil
    }
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
        var all: [String]
        do {
            // A malformed --symbols value or an unknown --universe name is a usage error (exit 2).
            all = try symbols.flatMap { $0.split(separator: ",").map(String.init) }.map(Symbol.validate)
            if let name = universe { all += try Universe.named(name).symbols }
        } catch {
            throw ValidationError(String(describing: error))
        }
        if let file = symbolsFile { all += try SymbolsFile.read(URL(fileURLWithPath: file)) }
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

    /// The range's NSE trading days: throws when the calendar does not cover it or it holds
    /// none (a weekend, a holiday), so no command reports success for zero rows.
    func requireTradingDays(_ calendar: TradingCalendar) throws -> [CalendarDay] {
        let days = try calendar.tradingDays(in: range)
        guard !days.isEmpty else {
            throw RequestError.usage("\(range) holds no NSE trading days (weekend or holidays only)",
                             fix: "widen --start-date/--end-date to include a trading day")
        }
        return days
    }
}

/// Prints any error as ONE line on stderr, `error: WHAT; fix: HOW`, and returns the exit code:
/// 2 for usage errors (`RequestError.usage`, `ValidationError`), 1 for everything else. Foundation
/// errors are reduced to their path and reason; control characters and binary junk (a CSV
/// that is not text) are escaped and long quoted excerpts shortened, so the line stays readable.
func failCleanly(_ error: Error) -> ExitCode {
    let (text, fix, code) = ErrorLine.parts(of: error)
    var line = "error: " + ErrorLine.clean(text)
    if let fix, !fix.isEmpty { line += "; fix: " + ErrorLine.clean(fix) }
    FileHandle.standardError.write(Data((line + "\n").utf8))
    return ExitCode(code)
}

enum ErrorLine {
    static func parts(of error: Error) -> (text: String, fix: String?, code: Int32) {
        switch error {
        case let e as RequestError:
            return (e.description, e.remedy.map(RemedyText.render), e.kind == .usage ? 2 : 1)
        case let e as ValidationError:
            return (e.message, nil, 2)
        case let e as ClassifiedError:
            return (e.description, e.remedy.map(RemedyText.render), 1)
        case let e as CocoaError:
            return (describe(e as NSError), "check the path: it must exist, be of the right kind (file or directory) and be writable", 1)
        default:
            return (String(describing: error), nil, 1)
        }
    }

    /// `PATH: reason` from a Foundation file error instead of its `Error Domain=...` dump.
    static func describe(_ e: NSError) -> String {
        if let explicit = e.userInfo[NSLocalizedDescriptionKey] as? String { return explicit }
        let path = (e.userInfo["NSFilePath"] as? String) ?? (e.userInfo[NSURLErrorKey] as? URL)?.path
        var reason: String
        if let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else {
            switch CocoaError.Code(rawValue: e.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or directory"
            case .fileWriteFileExists: reason = "a file is in the way"
            case .fileReadNoPermission, .fileWriteNoPermission: reason = "permission denied"
            default: reason = "file operation failed (Foundation error \(e.code))"
            }
        }
        return path.map { "\($0): \(reason)" } ?? reason
    }

    /// One printable line: newlines become `; `, other control and non-printable characters
    /// are escaped as `\u{XX}`, and a backquoted excerpt is cut after 60 printed characters.
    static func clean(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { k, part in
            let quoted = k % 2 == 1 && k < parts.count - 1
            return escape(part, limit: quoted ? 60 : nil)
        }.joined(separator: "`")
    }

    private static func escape(_ text: Substring, limit: Int?) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let limit, out.count >= limit { return out + "…" }
            let category = scalar.properties.generalCategory
            switch scalar {
            case "\n": out += "; "
            case "\r", "\t": out += " "
            case _ where category == .control || category == .format || category == .unassigned || category == .privateUse
                || category == .surrogate || scalar.value == 0xFFFD:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
