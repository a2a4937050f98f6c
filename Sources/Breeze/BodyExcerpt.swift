import Foundation

/// The first characters of an answer body, fit for an error message: secrets scrubbed, control
/// characters escaped, at most `limit` characters.
enum BodyExcerpt {
    static let limit = 80

    static func of(_ body: Data, redactor: SecretRedactor, limit: Int = limit) -> String {
        guard !body.isEmpty else { return "(empty body)" }
        // Scrub before cutting, so that a secret straddling the cut is still found whole.
        let window = body.prefix(4 * limit + (redactor.secrets.map(\.utf8.count).max() ?? 0))
        return clean(redactor.scrub(String(decoding: window, as: UTF8.self)), limit: limit)
    }

    /// `text` on one line: control and format characters escaped (`\n`, `\u{1B}`), cut with `…` after `limit` characters.
    static func clean(_ text: String, limit: Int = limit) -> String {
        var out = ""
        var length = 0
        for scalar in text.unicodeScalars {
            let piece = escaped(scalar)
            if length + piece.count > limit { return out + "…" }
            out += piece
            length += piece.count
        }
        return out
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: return String(scalar)
            }
        }
    }
}
