import Foundation
import Testing
import Batch
import MarketData

/// The fix a batch prints runs as printed, even when the data root holds a space and a quote.
@Suite(.serialized) struct FixCommandEndToEndTests {
    @Test func thePrintedFetchRunsThroughTheShellAndTheResumeTrainsWhatItFixed() async throws {
        let parent = try temporaryDirectory("fix-command")
        defer { try? FileManager.default.removeItem(at: parent) }
        let root = parent.appendingPathComponent("my data's root")
        let symbols = ["TCS", "INFY", "SBIN"]
        let made = try await CLI.run(["synthesize", "--symbols"] + symbols + ["--start-date", "2023-06-01", "--end-date", "2025-01-31",
                                      "--gap", "SBIN:2024-01-01..2024-12-31", "--data-dir", root.path], in: parent)
        #expect(made.code == 0, "\(made.stderr)")
        let train = try await CLI.run(["train", "--symbols"] + symbols + ["--start-date", "2024-01-01", "--end-date", "2024-12-26",
                                       "--no-evaluate", "--data-dir", root.path], in: parent)
        #expect(train.stdout.contains("status completed: 4 trained, 2 skipped"), "\(train.stdout)")
        let id = try #require(batchId(from: train.stdout))
        let line = try #require(train.stdout.split(separator: "\n").first { $0.contains("— run: sensequant fetch") })
        let fix = String(line[line.range(of: "— run: ")!.upperBound...])
        #expect(fix.hasSuffix("--data-dir '\(root.path.replacingOccurrences(of: "'", with: "'\\''"))'"), "quoted: \(fix)")

        let (sandbox, out, _) = try CLI.start(["sandbox", "--port", "0", "--synthetic", "42"], in: parent)
        defer { sandbox.terminate() }
        let sandboxURL = try await CLI.sandboxURL(out, sandbox)

        // The printed command, verbatim, through the shell; only the provider is named after it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", fix + " --provider sandbox --sandbox-url " + sandboxURL]
        shell.currentDirectoryURL = parent
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        shell.environment = environment
        shell.standardOutput = FileHandle.nullDevice
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        await CLI.waitForExit(shell)
        #expect(shell.terminationStatus == 0)

        let resume = try await CLI.run(["train", "--resume", id, "--data-dir", root.path], in: parent)
        #expect(resume.code == 0, "\(resume.stdout)\n\(resume.stderr)")
        #expect(resume.stdout.contains("status completed: 6 trained, 0 skipped, 0 failed of 6 windows"), "\(resume.stdout)")
    }
}
