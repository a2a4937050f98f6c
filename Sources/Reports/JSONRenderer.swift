import Foundation

/// The report as JSON: the `ReportModel` itself, keys sorted (schema: docs/report-json.md).
public enum JSONRenderer {
    public static func render(_ m: ReportModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(m), as: UTF8.self) + "\n"
    }
}
