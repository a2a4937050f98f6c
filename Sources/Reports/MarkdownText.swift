import Foundation

/// Escaping for text from the ledger placed into Markdown.
enum MarkdownText {
    /// An inline code span that survives backticks inside the text.
    static func code(_ text: String) -> String {
        let flat = oneLine(text)
        let fence = String(repeating: "`", count: longestRun(of: "`", in: flat) + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A fenced block for multi-line text, fenced longer than any backtick run inside it.
    /// Trailing newlines are dropped: they would show as blank lines inside the block.
    static func block(_ text: String, indent: String = "") -> String {
        var text = text
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n")
        return "\(indent)\(fence)\n\(body)\n\(indent)\(fence)"
    }

    /// A table cell: pipes escaped, newlines flattened.
    static func cell(_ text: String) -> String { oneLine(text).replacingOccurrences(of: "|", with: "\\|") }

    /// Plain text outside code: Markdown's inline punctuation escaped.
    /// An underscore inside a word (`batch_2025`, `num_leaves`) is not emphasis in CommonMark,
    /// so it stays unescaped and the source stays readable.
    static func plain(_ text: String) -> String {
        let chars = Array(oneLine(text))
        var out = ""
        for (i, c) in chars.enumerated() {
            let insideWord = c == "_" && i > 0 && i + 1 < chars.count
                && (chars[i - 1].isLetter || chars[i - 1].isNumber) && (chars[i + 1].isLetter || chars[i + 1].isNumber)
            if "\\`*_[]<>#|".contains(c) && !insideWord { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    private static func longestRun(of mark: Character, in text: String) -> Int {
        var best = 0, current = 0
        for c in text {
            current = c == mark ? current + 1 : 0
            best = max(best, current)
        }
        return best
    }
}
