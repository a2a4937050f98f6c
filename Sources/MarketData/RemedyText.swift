import Foundation

/// The one place that knows the command line's syntax: remedies become text here, and every
/// argument of a printed command is shell-quoted, so it runs as printed (`sh -c`).
public enum RemedyText {
    public static let program = "sensequant"

    public static func render(_ remedy: Remedy) -> String {
        switch remedy {
        case .fetch(let f):
            return command(["fetch", "--symbols"] + f.symbols
                + ["--start-date", f.range.first.description, "--end-date", f.range.last.description]
                + (f.interval == .oneDay ? [] : ["--interval", f.interval.rawValue]) + dataDirArguments(f.dataDir))
        case let .mapSymbols(symbols, dataDir):
            return "\(symbols.joined(separator: " ")): no Breeze code, so fetch cannot get them; add codes to symbol_mappings.json in the data dir "
                + "(or run: \(command(["universe", "import-security-master", "NSEScripMaster.txt"] + dataDirArguments(dataDir)))), "
                + "or load bars with: \(command(["import", "FILE", "--symbol", "SYMBOL"] + dataDirArguments(dataDir)))"
        case let .resume(id, dataDir):
            return command(["train", "--resume", id] + dataDirArguments(dataDir))
        case let .report(id, dataDir):
            return command(["report", id] + dataDirArguments(dataDir))
        case let .evaluate(id, dataDir):
            return command(["evaluate", id] + dataDirArguments(dataDir))
        case .listBatches(let dataDir):
            return "run `\(command(["status"] + dataDirArguments(dataDir)))` to list the batches in this ledger"
        case .breezeCredentials(let variables):
            return "set \(variables.joined(separator: ", ")) (environment or .env), or use `--provider sandbox` for a local sandbox, "
                + "or `\(command(["import"]))` to load CSV files"
        case .advice(let text):
            return text
        }
    }

    /// `run: COMMAND` for a command, the words alone otherwise: how a fix reads after a dash.
    public static func instruction(_ remedy: Remedy) -> String {
        remedy.isCommand ? "run: " + render(remedy) : render(remedy)
    }

    static func command(_ arguments: [String]) -> String {
        ([program] + arguments.map(ShellQuote.quote)).joined(separator: " ")
    }

    static func dataDirArguments(_ dataDir: String?) -> [String] {
        dataDir.map { ["--data-dir", $0] } ?? []
    }
}

/// POSIX shell quoting: a word of only safe characters stays as it is; anything else is put in
/// single quotes, with each `'` written as `'\''`.
public enum ShellQuote {
    public static func quote(_ word: String) -> String {
        guard word.isEmpty || word.unicodeScalars.contains(where: { !isSafe($0) }) else { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func isSafe(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".", "/", ":", "=", "+", ",", "@", "%": true
        default: false
        }
    }
}
