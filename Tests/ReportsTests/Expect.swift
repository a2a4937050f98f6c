import Foundation

/// Independent formatting for expectations, so tests do not reuse the renderer's helpers.
enum Expect {
    static func percent(_ part: Int, _ whole: Int) -> String {
        String(format: "%.2f%%", whole == 0 ? 0 : Double(part) / Double(whole) * 100)
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// The lines of the Markdown section whose heading is `## title`, up to the next `---` rule.
    static func section(_ title: String, in markdown: String) -> String {
        guard let start = markdown.range(of: "## \(title)\n") else { return "" }
        let rest = markdown[start.upperBound...]
        let end = rest.range(of: "\n---\n")?.lowerBound ?? rest.endIndex
        return String(rest[..<end]).trimmingCharacters(in: .newlines)
    }
}
