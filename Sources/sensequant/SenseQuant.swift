import ArgumentParser
import Foundation

@main
struct SenseQuant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensequant",
        abstract: "Train per-symbol LightGBM models for NSE equities over rolling windows, and run the data pipeline that feeds them.",
        subcommands: [
            DemoCommand.self,
            ImportCommand.self,
            CoverageCommand.self,
            UniverseCommand.self,
            TrainCommand.self,
            TrainWindowCommand.self,
            StatusCommand.self,
            SynthesizeCommand.self,
            BenchCommand.self,
            FetchCommand.self,
            SandboxCommand.self,
            ReportCommand.self,
        ]
    )

    /// Usage errors exit with 2 (the original's convention), not ArgumentParser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
