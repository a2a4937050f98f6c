import Foundation
import Testing
@testable import MarketData

@Suite struct RemedyTextTests {
    @Test func plainWordsStayAsTheyAreOthersAreSingleQuoted() {
        #expect(ShellQuote.quote("/tmp/data") == "/tmp/data")
        #expect(ShellQuote.quote("BAJAJ-AUTO") == "BAJAJ-AUTO")
        #expect(ShellQuote.quote("M&M") == "'M&M'")
        #expect(ShellQuote.quote("/tmp/a b") == "'/tmp/a b'")
        #expect(ShellQuote.quote("it's") == "'it'\\''s'")
        #expect(ShellQuote.quote("") == "''")
    }

    @Test func aFetchRemedyRendersTheCommandWithItsDataRoot() {
        let fetch = FetchRemedy(symbols: ["SBIN", "M&M"], range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-06-29")!),
                                interval: .fiveMinute, dataDir: "/tmp/my data")
        #expect(RemedyText.render(.fetch(fetch))
            == "sensequant fetch --symbols SBIN 'M&M' --start-date 2024-01-01 --end-date 2024-06-29 --interval 5minute --data-dir '/tmp/my data'")
        #expect(RemedyText.instruction(.fetch(fetch)).hasPrefix("run: sensequant fetch"))
        #expect(RemedyText.render(.resume(batchId: "batch_1", dataDir: nil)) == "sensequant train --resume batch_1")
    }

    /// The shell reads every quoted argument back exactly.
    @Test func theShellReadsTheQuotedWordsBack() throws {
        let words = ["/tmp/a b'c", "M&M", "$(echo no)", "tab\there", "ünï"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "printf '%s\\n' " + words.map(ShellQuote.quote).joined(separator: " ")]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(out == words.joined(separator: "\n") + "\n")
    }

    @Test func remediesRoundTripThroughJSON() throws {
        let remedies: [Remedy] = [
            .fetch(FetchRemedy(symbols: ["SBIN"], range: DayRange(CalendarDay("2024-01-01")!, CalendarDay("2024-01-31")!), dataDir: "x y")),
            .mapSymbols(["FOO"], dataDir: nil), .resume(batchId: "b", dataDir: "d"), .advice("wait"),
        ]
        let data = try JSONEncoder().encode(remedies)
        #expect(try JSONDecoder().decode([Remedy].self, from: data) == remedies)
    }
}
