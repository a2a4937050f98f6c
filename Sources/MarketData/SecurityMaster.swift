import Foundation

/// ICICI's security master (`NSEScripMaster.txt` from SecurityMaster.zip): a comma-separated
/// file with a header naming, among others, `ShortName` (the Breeze stock code),
/// `ExchangeCode` (the NSE symbol) and `Series`. Parsed offline into symbol → code mappings.
public enum SecurityMaster {
    public struct Result: Sendable, Equatable {
        /// NSE symbol → Breeze code, from the file's EQ rows.
        public var mappings: [String: String]
        /// Rows skipped because their Series was not EQ.
        public var skippedNonEquity: Int
    }

    public static func parse(_ url: URL) throws -> Result {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SecurityMasterError(location: url.path, problem: error.localizedDescription)
        }
        // ICICI has shipped the file in Latin-1 at times; fall back rather than refuse it.
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
        return try parse(text: text, fileName: url.path)
    }

    public static func parse(text: String, fileName: String) throws -> Result {
        // Character.isNewline also matches "\r\n", which Swift treats as one Character.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        guard let headerLine = lines.next() else {
            throw SecurityMasterError(location: "\(fileName):1", problem: "empty file")
        }
        let columns = try Columns(header: CSVLine.fields(headerLine), at: "\(fileName):1")
        var result = Result(mappings: [:], skippedNonEquity: 0)
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            try add(CSVLine.fields(line), columns: columns, at: "\(fileName):\(lineNumber)", to: &result)
        }
        guard !result.mappings.isEmpty else {
            throw SecurityMasterError(location: fileName, problem: "no EQ rows with a ShortName and an ExchangeCode")
        }
        return result
    }

    private static func add(_ fields: [String], columns: Columns, at location: String, to result: inout Result) throws {
        guard fields.count > columns.maxIndex else {
            throw SecurityMasterError(location: location, problem: "\(fields.count) fields, the header has \(columns.count)")
        }
        if let series = columns.series, fields[series].uppercased() != "EQ" {
            result.skippedNonEquity += 1
            return
        }
        let symbol = fields[columns.exchangeCode].uppercased()
        let code = fields[columns.shortName].uppercased()
        guard Symbol.isValid(symbol) else {
            throw SecurityMasterError(location: location, problem: "ExchangeCode '\(symbol)' is not an NSE symbol")
        }
        guard !code.isEmpty, !code.contains(where: \.isWhitespace) else {
            throw SecurityMasterError(location: location, problem: "ShortName '\(code)' is not a Breeze stock code")
        }
        result.mappings[symbol] = code
    }

    /// Positions of the columns we read, found by name (quotes, spaces and case ignored).
    private struct Columns {
        let shortName: Int
        let exchangeCode: Int
        let series: Int?
        let count: Int

        var maxIndex: Int { max(shortName, exchangeCode, series ?? 0) }

        init(header: [String], at location: String) throws {
            let names = header.map { $0.replacingOccurrences(of: " ", with: "").lowercased() }
            let missing = ["ShortName", "ExchangeCode"].filter { !names.contains($0.lowercased()) }
            guard missing.isEmpty else {
                throw SecurityMasterError(location: location, problem: "header lacks column(s) \(missing.joined(separator: ", "))")
            }
            shortName = names.firstIndex(of: "shortname")!
            exchangeCode = names.firstIndex(of: "exchangecode")!
            series = names.firstIndex(of: "series")
            count = header.count
        }
    }
}

/// Splits one CSV line into trimmed fields; double quotes group commas, `""` is a quote.
enum CSVLine {
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))

    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            let next = line.index(after: i)
            if inQuotes, c == "\"", next < line.endIndex, line[next] == "\"" {
                current.append("\"")
                i = line.index(after: next)
                continue
            }
            if c == "\"" {
                inQuotes.toggle()
            } else if c == ",", !inQuotes {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
            i = next
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: trimmed) }
    }
}

public struct SecurityMasterError: ClassifiedError, Equatable {
    /// `file:line`, or the file alone for whole-file problems.
    public let location: String
    public let problem: String

    public var failureClass: FailureClass { .invalidInput }
    public var description: String { "\(location): \(problem)" }
    public var remedy: Remedy? { .advice("pass NSEScripMaster.txt from ICICI's SecurityMaster.zip") }
}

extension SecurityMaster {
    /// Merges the codes derived from `file` into the data root's `symbol_mappings.json` (its
    /// entries win over earlier ones) and writes it. Returns what was derived and the file written.
    public static func importInto(dataDir: URL, from file: URL) throws -> (derived: Result, written: URL) {
        let derived = try parse(file)
        let target = dataDir.appendingPathComponent(SymbolMappings.fileName)
        var user = try SymbolMappings.userFile(in: dataDir) ?? SymbolMappings()
        user.mappings.merge(derived.mappings) { _, fromMaster in fromMaster }
        user.unverified.removeAll { derived.mappings[$0] != nil }
        user.source = "ICICI security master \(file.lastPathComponent), imported \(CalendarDay.today())"
        try user.save(to: target)
        return (derived, target)
    }
}
