import ArgumentParser

@main
struct SenseQuant: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensequant",
        abstract: "Train per-symbol LightGBM models for NSE equities over rolling windows, and run the data pipeline that feeds them.",
        subcommands: [
            ImportCommand.self,
            CoverageCommand.self,
            UniverseCommand.self,
        ]
    )
}
