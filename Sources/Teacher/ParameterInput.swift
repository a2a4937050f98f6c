import Foundation

/// Reading LightGBM parameter overrides from the command line and from files.
public enum ParameterInput {
    /// `key=value` (whitespace around either side is trimmed).
    public static func parseAssignment(_ text: String) throws -> (key: String, value: String) {
        guard let eq = text.firstIndex(of: "=") else {
            throw TeacherError.invalidInput("parameter '\(text)' is not key=value")
        }
        let key = text[..<eq].trimmingCharacters(in: .whitespaces)
        let value = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !value.isEmpty else {
            throw TeacherError.invalidInput("parameter '\(text)' is not key=value")
        }
        return (key, value)
    }

    /// Assignments in order; a later one for the same key wins.
    public static func parseAssignments(_ texts: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for text in texts {
            let (key, value) = try parseAssignment(text)
            out[key] = value
        }
        return out
    }

    /// A parameters file: a JSON object (`{"num_leaves": 63, "device_type": "gpu"}`), or
    /// `key=value` lines where blank lines and lines starting with `#` are ignored.
    public static func parseFile(_ text: String) throws -> [String: String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return try parseJSON(trimmed) }
        let lines = trimmed.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        return try parseAssignments(lines)
    }

    private static func parseJSON(_ text: String) throws -> [String: String] {
        do {
            return try JSONDecoder().decode([String: JSONParameterValue].self, from: Data(text.utf8)).mapValues(\.text)
        } catch {
            throw TeacherError.invalidInput("parameters file is not a JSON object of name: value (strings, numbers, booleans or lists of them)")
        }
    }
}

/// A JSON parameter value as LightGBM's parameter text.
private struct JSONParameterValue: Decodable {
    let text: String

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { text = b ? "true" : "false" }
        else if let i = try? c.decode(Int.self) { text = String(i) }
        else if let d = try? c.decode(Double.self) { text = "\(d)" }
        else if let s = try? c.decode(String.self) { text = s }
        else { text = try c.decode([JSONParameterValue].self).map(\.text).joined(separator: ",") }
    }
}
