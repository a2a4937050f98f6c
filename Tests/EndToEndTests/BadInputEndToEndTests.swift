import Foundation
import Testing

/// Bad input gets one clear `error: ...; fix: ...` line, a non-zero exit (2 for usage errors),
/// and leaves nothing behind; never a Foundation error dump, never success with zero rows.
@Suite struct BadInputEndToEndTests {
    /// The lines of stderr that start with `error:` (exactly one expected).
    func errorLines(_ r: CLI.Result) -> [Substring] {
        r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix("Error:") }
    }

    func expectOneCleanLine(_ r: CLI.Result, code: Int32, contains: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.code == code, "\(r.stdout)\n\(r.stderr)", sourceLocation: sourceLocation)
        let lines = errorLines(r)
        #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        for c in contains { #expect(r.stderr.contains(c), "missing \(c) in \(r.stderr)", sourceLocation: sourceLocation) }
        #expect(!r.stderr.contains("Error Domain="), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("\n  fix:"), "fix must be on the error line: \(r.stderr)", sourceLocation: sourceLocation)
    }

    @Test func importRefusesNotGzipDirectoriesAndBinaryWithOneLine() async throws {
        let dir = try temporaryDirectory("bad-import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        let notGzip = dir.appendingPathComponent("bars.csv.gz")
        try "timestamp,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n".write(to: notGzip, atomically: true, encoding: .utf8)
        let r = try await CLI.run(["import", notGzip.path, "--symbol", "TCS", "--data-dir", data.path], in: dir)
        expectOneCleanLine(r, code: 1, contains: [notGzip.path, "not gzip", "; fix: "])

        let folder = try await CLI.run(["import", dir.path, "--symbol", "TCS", "--data-dir", data.path], in: dir)
        expectOneCleanLine(folder, code: 1, contains: ["\(dir.path) is a directory", "; fix: "])

        let binary = dir.appendingPathComponent("binary.csv")
        try Data([0x00, 0x01, 0xFF, 0xFE, 0x1B, 0x5B, 0x32, 0x4A] + Array(repeating: 0x80, count: 200)).write(to: binary)
        let junk = try await CLI.run(["import", binary.path, "--symbol", "TCS", "--data-dir", data.path], in: dir)
        expectOneCleanLine(junk, code: 1, contains: [binary.path])
        #expect(!junk.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control characters in \(junk.stderr)")
        #expect(junk.stderr.count < 400)
        #expect(!FileManager.default.fileExists(atPath: data.path), "a refused import must write nothing")
    }

    @Test func aFileWhereTheDataDirShouldBeIsAUsageError() async throws {
        let dir = try temporaryDirectory("bad-datadir")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("not-a-dir")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        for args in [["status"], ["coverage", "--symbols", "TCS", "--start-date", "2024-01-01", "--end-date", "2024-01-31"],
                     ["synthesize", "--symbols", "TCS", "--start-date", "2024-01-01", "--end-date", "2024-01-31"]] {
            for path in [file.path, file.path + "/sub"] {
                let r = try await CLI.run(args + ["--data-dir", path], in: dir)
                #expect(r.code == 2, "\(args): \(r.stderr)")
                #expect(r.stderr.contains("is a file, not a directory"), "\(args): \(r.stderr)")
                #expect(!r.stderr.contains("Error Domain="))
            }
        }
    }

    @Test func synthesizeAndFetchRefuseRangesWithoutTradingDays() async throws {
        let dir = try temporaryDirectory("bad-range")
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        let before = try await CLI.run(["synthesize", "--symbols", "TCS", "--start-date", "2017-01-01", "--end-date", "2017-02-01",
                                        "--data-dir", data.path], in: dir)
        expectOneCleanLine(before, code: 1, contains: ["2017-01-01 is outside the NSE trading calendar", "; fix: use dates from 2018-01-01"])
        let weekend = try await CLI.run(["synthesize", "--symbols", "TCS", "--start-date", "2024-01-06", "--end-date", "2024-01-07",
                                         "--data-dir", data.path], in: dir)
        expectOneCleanLine(weekend, code: 2, contains: ["2024-01-06..2024-01-07 holds no NSE trading days", "; fix: "])
        let fetch = try await CLI.run(["fetch", "--symbols", "TCS", "--start-date", "2024-01-06", "--end-date", "2024-01-07",
                                       "--provider", "sandbox", "--sandbox-url", "http://127.0.0.1:9", "--data-dir", data.path], in: dir)
        expectOneCleanLine(fetch, code: 2, contains: ["holds no NSE trading days"])
        #expect(!FileManager.default.fileExists(atPath: data.path), "nothing may be written for a refused range")

        let window = try await CLI.run(["train-window", "--symbol", "TCS", "--start", "2017-01-01", "--end", "2017-06-30",
                                        "--data-dir", data.path, "--output-dir", dir.appendingPathComponent("out").path], in: dir)
        expectOneCleanLine(window, code: 1, contains: ["outside the NSE trading calendar"])
        #expect(!window.stderr.contains("sensequant fetch"), "a fetch cannot help outside the calendar: \(window.stderr)")
    }

    @Test func statusAndReportOnUnknownBatchesAndBrokenLedgers() async throws {
        let dir = try temporaryDirectory("bad-status")
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty")
        let asked = try await CLI.run(["status", "b-nope", "--data-dir", empty.path], in: dir)
        expectOneCleanLine(asked, code: 1, contains: ["no batch ledger at", "; fix: pass the --data-dir"])
        #expect(!FileManager.default.fileExists(atPath: empty.path))

        let broken = dir.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken.appendingPathComponent("state"), withIntermediateDirectories: true)
        let ledger = broken.appendingPathComponent("state/ledger.sqlite")
        try "not a database, just text that is long enough to be read as a header".write(to: ledger, atomically: true, encoding: .utf8)
        for args in [["status"], ["report", "b-nope"]] {
            let r = try await CLI.run(args + ["--data-dir", broken.path], in: dir)
            expectOneCleanLine(r, code: 1, contains: ["cannot open the batch ledger \(ledger.path)", "; fix: "])
        }

        let report = try await CLI.run(["report", "b-nope", "--output", dir.path, "--data-dir", broken.path], in: dir)
        expectOneCleanLine(report, code: 2, contains: ["--output \(dir.path) is a directory"])
    }

    @Test func sandboxAndFetchRejectBadOptionsAsUsageErrors() async throws {
        let dir = try temporaryDirectory("bad-sandbox")
        defer { try? FileManager.default.removeItem(at: dir) }
        for (args, text) in [(["sandbox", "--port", "70000"], "--port 70000 is not a TCP port"),
                             (["sandbox", "--port", "0", "--data", dir.appendingPathComponent("nope").path], "is not a directory"),
                             (["sandbox", "--port", "0", "--fault", "bogus:1"], "unknown kind bogus"),
                             (["sandbox", "--port", "0", "--gap", "TCS:2024-02-30..2024-03-01"], "--gap TCS:2024-02-30..2024-03-01"),
                             (["fetch", "--symbols", "TCS", "--start-date", "2024-01-01", "--end-date", "2024-01-31",
                               "--provider", "sandbox", "--sandbox-url", "not a url", "--data-dir", dir.path], "is not an http(s) URL")] {
            let r = try await CLI.run(args, in: dir)
            #expect(r.code == 2, "\(args): \(r.stdout)\n\(r.stderr)")
            #expect(r.stderr.contains(text), "\(args): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("state").path))
    }
}
