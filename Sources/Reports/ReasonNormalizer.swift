import Foundation

/// Turns one window's reason into its root-cause key: the window's symbol becomes `[SYMBOL]`
/// and every `YYYY-MM-DD` becomes `[DATE]`, so "No data returned for SBIN" and "... for WIPRO"
/// (and the same error on different windows) group together.
public enum ReasonNormalizer {
    public static let symbolPlaceholder = "[SYMBOL]"
    public static let datePlaceholder = "[DATE]"

    /// Surrounding whitespace is dropped too (LightGBM's messages end with a newline).
    public static func normalize(_ reason: String, symbol: String) -> String {
        replaceDates(in: replaceWord(symbol, in: reason.trimmingCharacters(in: .whitespacesAndNewlines), with: symbolPlaceholder))
    }

    /// Replaces `word` only where it is not part of a longer alphanumeric run, so the symbol
    /// `ITC` leaves `ITCHOTELS` alone.
    static func replaceWord(_ word: String, in text: String, with replacement: String) -> String {
        guard !word.isEmpty else { return text }
        let chars = Array(text)
        let target = Array(word)
        var out = ""
        var i = 0
        while i < chars.count {
            if i + target.count <= chars.count, Array(chars[i..<i + target.count]) == target,
               i == 0 || !isWordCharacter(chars[i - 1]),
               i + target.count == chars.count || !isWordCharacter(chars[i + target.count]) {
                out += replacement
                i += target.count
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    static func replaceDates(in text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if isDate(chars, at: i) {
                out += datePlaceholder
                i += 10
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    private static func isDate(_ c: [Character], at i: Int) -> Bool {
        guard i + 10 <= c.count else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return c[i + 4] == "-" && c[i + 7] == "-" && digits.allSatisfy { c[i + $0].isASCII && c[i + $0].isNumber }
            && (i + 10 == c.count || !(c[i + 10].isASCII && c[i + 10].isNumber))
            && (i == 0 || !(c[i - 1].isASCII && c[i - 1].isNumber))
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
