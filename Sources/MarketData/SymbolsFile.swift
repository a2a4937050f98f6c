import Foundation

/// NSE symbols: upper-case letters, digits, `&` and `-` (e.g. M&M, BAJAJ-AUTO).
public enum Symbol {
    static let maxLength = 20

    /// The symbol upper-cased, or an error naming it when it cannot be an NSE symbol.
    public static func validate(_ symbol: String) throws -> String {
        let upper = symbol.trimmingCharacters(in: .whitespaces).uppercased()
        guard isValid(upper) else { throw InvalidSymbolError(symbol: symbol, location: nil) }
        return upper
    }

    static func isValid(_ upper: String) -> Bool {
        guard let first = upper.utf8.first, isAlphanumeric(first), upper.utf8.count <= maxLength else { return false }
        return upper.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c)
    }
}

public struct InvalidSymbolError: ClassifiedError, Equatable {
    public let symbol: String
    /// `file:line` when the symbol came from a file.
    public let location: String?

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)'\(symbol)' is not an NSE symbol (allowed: A-Z, 0-9, '&', '-'; at most \(Symbol.maxLength) characters)"
    }
}

/// A symbols file: one symbol per line; `#` starts a comment; blank lines are ignored.
public enum SymbolsFile {
    /// The file's symbols, upper-cased, de-duplicated keeping first occurrence order.
    public static func read(_ url: URL) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw SymbolsFileError(path: url.path, problem: error.localizedDescription)
        }
        return try parse(text, path: url.path)
    }

    static func parse(_ text: String, path: String) throws -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let candidate = content.trimmingCharacters(in: .whitespacesAndNewlines)
            if candidate.isEmpty { continue }
            let upper = candidate.uppercased()
            guard Symbol.isValid(upper) else {
                throw InvalidSymbolError(symbol: candidate, location: "\(path):\(index + 1)")
            }
            if seen.insert(upper).inserted { out.append(upper) }
        }
        return out
    }
}

public struct SymbolsFileError: ClassifiedError {
    public let path: String
    public let problem: String

    public var failureClass: FailureClass { .invalidInput }
    public var description: String { "cannot read symbols file \(path): \(problem)" }
}
