import Foundation
import Testing

/// `sensequant coverage` on a cache in the original's exact layout (no manifest, range files,
/// .csv.gz, column aliases, naive timestamps).
@Suite struct CoverageEndToEndTests {
    static var originalCache: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("MarketDataTests/Fixtures/original_cache")
    }

    @Test func printsTheMissingRangesOfAnOriginalCache() async throws {
        let root = try temporaryDirectory("coverage")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("historical"), withDestinationURL: Self.originalCache)
        let args = ["coverage", "--symbols", "SBIN", "TCS", "--start-date", "2024-01-01", "--end-date", "2024-01-31", "--data-dir", root.path]
        let r = try await CLI.run(args, in: root)
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout.contains("SBIN 2024-01-10..2024-01-12: 3 of 3 trading days missing"))
        #expect(r.stdout.contains("SBIN 2024-01-20..2024-01-20: 1 of 1 trading days missing"))
        // TCS: range file to 2024-01-12 (10 trading days) + one gzipped day (2024-01-15).
        #expect(r.stdout.contains("TCS 2024-01-16..2024-01-31: 11 of 11 trading days missing"))

        let strict = try await CLI.run(args + ["--strict"], in: root)
        #expect(strict.code == 1)
        #expect(strict.stderr.contains("2 of 2 symbols have missing trading days"))

        let json = try await CLI.run(args + ["--json"], in: root)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["symbol"] as? String } == ["SBIN", "TCS"])
        #expect(rows[0]["expected_days"] as? Int == 22)
        #expect(rows[0]["present_days"] as? Int == 18)
    }
}
