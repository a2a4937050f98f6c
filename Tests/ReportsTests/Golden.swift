import Foundation
import Testing

/// Compares a rendering with a committed file under Tests/ReportsTests/Golden/. The fixture's
/// temporary directory is replaced by `$DATA` first. With `UPDATE_GOLDEN=1` the file is rewritten
/// and the test still fails, so an update is never mistaken for a pass.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, file name: String, dataDirectory: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalized = text.replacingOccurrences(of: dataDirectory, with: "$DATA")
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try normalized.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(url.path); rerun without UPDATE_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if normalized != expected {
            let got = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            let gotLine = line < got.count ? String(got[line]) : "<end>"
            let wantLine = line < want.count ? String(want[line]) : "<end>"
            Issue.record("\(name) differs at line \(line + 1):\n  got:      \(gotLine)\n  expected: \(wantLine)", sourceLocation: sourceLocation)
        }
    }
}
