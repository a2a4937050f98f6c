import ArgumentParser
import Foundation
import MarketData

struct UniverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "universe",
        abstract: "Show the shipped symbol universe and manage NSE → Breeze stock-code mappings.",
        subcommands: [ImportSecurityMaster.self, List.self])

    struct ImportSecurityMaster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-security-master",
            abstract: "Derive NSE → Breeze codes from ICICI's NSEScripMaster.txt (offline).",
            discussion: """
            Reads the EQ rows of NSEScripMaster.txt (from ICICI's SecurityMaster.zip) and merges
            their ExchangeCode → ShortName pairs into <data-dir>/symbol_mappings.json, which
            overrides the bundled codes. A malformed file stops with FILE:LINE and writes nothing.
            """)

        @Argument(help: "Path to NSEScripMaster.txt.")
        var file: String

        @Option(name: .long, help: "Universe whose coverage to report.")
        var universe = "nifty100"

        @OptionGroup var data: DataDirOption

        func run() throws {
            do {
                let members = try Universe.named(universe)
                let (derived, target) = try SecurityMaster.importInto(dataDir: data.root.url, from: URL(fileURLWithPath: file))
                print("derived \(derived.mappings.count) mappings from \(file) (\(derived.skippedNonEquity) non-EQ rows skipped); wrote \(target.path)")
                report(coverageOf: members, by: derived.mappings)
            } catch {
                throw failCleanly(error)
            }
        }

        private func report(coverageOf universe: Universe, by derived: [String: String]) {
            let missing = universe.symbols.filter { derived[$0] == nil }
            print("\(universe.name): \(universe.symbols.count - missing.count) of \(universe.symbols.count) symbols mapped by the security master")
            if !missing.isEmpty {
                print("missing (bundled or earlier codes stay in use): \(missing.joined(separator: " "))")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a universe's symbols with their Breeze stock codes.")

        @Argument(help: "Universe name.")
        var name = "nifty100"

        @OptionGroup var data: DataDirOption

        func run() throws {
            do {
                let universe = try Universe.named(name)
                let mappings = try SymbolMappings.load(dataDir: data.root.url)
                let unverified = Set(mappings.unverified)
                print("# \(universe.name) as of \(universe.asOf): \(universe.symbols.count) symbols")
                for symbol in universe.symbols {
                    let code = mappings.breezeCode(for: symbol) ?? "-"
                    let note = unverified.contains(symbol) ? "  (unverified)" : ""
                    print("\(symbol.padding(toLength: 12, withPad: " ", startingAt: 0)) \(code)\(note)")
                }
            } catch {
                throw failCleanly(error)
            }
        }
    }
}
