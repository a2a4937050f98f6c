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
            WorkerCommand.self,
            BenchClaimsCommand.self,
            StatusCommand.self,
            SynthesizeCommand.self,
            BenchCommand.self,
            FetchCommand.self,
            SandboxCommand.self,
            ReportCommand.self,
            EvaluateCommand.self,
            PredictCommand.self,
            BacktestCommand.self,
            CostsCommand.self,
        ]
    )

    /// Usage errors exit with 2 (the original's convention), not ArgumentParser's 64. Parse
    /// errors print the subcommand's usage; a usage error found while running prints one line.
    static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            exit(withError: error)
        }
    }
}
