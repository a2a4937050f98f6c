import Foundation
import Testing
@testable import MarketData

@Suite struct UniverseTests {
    static let seedSymbols = ["NESTLEIND", "NTPC", "ONGC", "POWERGRID", "SBIN", "SUNPHARMA", "TATAMOTORS", "WIPRO"]

    @Test func nifty100HasAHundredDistinctValidSymbolsIncludingTheSeeds() throws {
        let universe = try Universe.named("nifty100")
        #expect(universe.symbols.count == 100)
        #expect(Set(universe.symbols).count == 100)
        #expect(Set(Self.seedSymbols).isSubset(of: universe.symbols))
        #expect(universe.symbols.allSatisfy(Symbol.isValid))
        #expect(universe.asOf == day("2024-09-30"))
        #expect(!universe.source.isEmpty)
    }

    @Test func unknownUniverseListsTheKnownNames() {
        #expect(throws: UniverseError.unknown("nifty500", known: ["nifty100"])) { try Universe.named("nifty500") }
        #expect(UniverseError.unknown("x", known: ["nifty100"]).description.contains("nifty100"))
        #expect(UniverseError.unknown("x", known: ["nifty100"]).failureClass == .invalidInput)
    }

    @Test func bundledMappingsCoverTheUniverseAndKnownCodes() throws {
        let mappings = try SymbolMappings.bundled()
        let universe = try Universe.named("nifty100")
        #expect(universe.symbols.filter { mappings.breezeCode(for: $0) == nil }.isEmpty)
        #expect(mappings.breezeCode(for: "RELIANCE") == "RELIND")
        #expect(mappings.breezeCode(for: "sbin") == "STABAN")
        #expect(mappings.symbol(forBreezeCode: "LARTOU") == "LT")
        #expect(Set(mappings.unverified).isSubset(of: universe.symbols))
        #expect(mappings.listingDates["LICI"] == day("2022-05-17"))
    }

    @Test func dataDirMappingsOverlayTheBundledOnes() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundledUnverified = try SymbolMappings.bundled().unverified
        let unverifiedSymbol = try #require(bundledUnverified.first)
        try SymbolMappings(mappings: [unverifiedSymbol: "ABCDEF", "RELIANCE": "RELX", "NEWCO": "NEWCOD"])
            .save(to: dir.appendingPathComponent("symbol_mappings.json"))

        let merged = try SymbolMappings.load(dataDir: dir)
        #expect(merged.breezeCode(for: "RELIANCE") == "RELX")
        #expect(merged.breezeCode(for: "NEWCO") == "NEWCOD")
        #expect(merged.breezeCode(for: "TCS") == "TCS")
        #expect(!merged.unverified.contains(unverifiedSymbol))
    }

    @Test func theOriginalsFileShapeLoads() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"mappings": {"RELIANCE": "RELIND2"}}"#.utf8).write(to: dir.appendingPathComponent("symbol_mappings.json"))
        #expect(try SymbolMappings.load(dataDir: dir).breezeCode(for: "RELIANCE") == "RELIND2")
        #expect(try SymbolMappings.load(dataDir: dir.appendingPathComponent("absent")).breezeCode(for: "RELIANCE") == "RELIND")
    }

    @Test func saveRoundTripsAndLeavesNoTemporaryFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let mappings = SymbolMappings(mappings: ["M&M": "MAHMAH"], listingDates: ["JIOFIN": day("2023-08-21")],
                                      unverified: ["M&M"], source: "test")
        try mappings.save(to: dir.appendingPathComponent("symbol_mappings.json"))
        #expect(try SymbolMappings.userFile(in: dir) == mappings)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["symbol_mappings.json"])
    }

    @Test func symbolValidationNormalisesAndNamesTheSymbol() throws {
        #expect(try Symbol.validate("m&m") == "M&M")
        #expect(try Symbol.validate(" bajaj-auto ") == "BAJAJ-AUTO")
        #expect(throws: InvalidSymbolError(symbol: "TATA MOTORS", location: nil)) { try Symbol.validate("TATA MOTORS") }
        #expect(throws: InvalidSymbolError.self) { try Symbol.validate("") }
        #expect(throws: InvalidSymbolError.self) { try Symbol.validate("-ABC") }
        #expect(InvalidSymbolError(symbol: "RELI@NCE", location: nil).description.contains("RELI@NCE"))
    }

    @Test func symbolsFileSkipsCommentsAndBlanksAndDeduplicates() throws {
        let text = "# my watchlist\r\nreliance\n\n  TCS   # trailing comment\nM&M\nRELIANCE\nbajaj-auto\n"
        #expect(try SymbolsFile.parse(text, path: "w.txt") == ["RELIANCE", "TCS", "M&M", "BAJAJ-AUTO"])
    }

    @Test func symbolsFileNamesFileAndLineOfAnInvalidSymbol() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("symbols.txt")
        try Data("# header\nSBIN\nTATA MOTORS\n".utf8).write(to: url)
        #expect(throws: InvalidSymbolError(symbol: "TATA MOTORS", location: "\(url.path):3")) { try SymbolsFile.read(url) }
        #expect(throws: SymbolsFileError.self) { try SymbolsFile.read(dir.appendingPathComponent("missing.txt")) }
    }

    @Test func securityMasterFixtureYieldsEquityMappings() throws {
        let result = try SecurityMaster.parse(fixture("NSEScripMaster_sample.txt"))
        #expect(result.mappings == [
            "RELIANCE": "RELIND", "HDFCBANK": "HDFBAN", "LT": "LARTOU", "M&M": "MAHMAH",
            "BAJAJ-AUTO": "BAAUTO", "SBIN": "STABAN", "ADANIPORTS": "ADAPOR",
        ])
        #expect(result.skippedNonEquity == 2)
    }

    @Test func securityMasterWithoutSeriesKeepsEveryRow() throws {
        let text = "ShortName,ExchangeCode\nRELIND,RELIANCE\nTCS,TCS\n"
        #expect(try SecurityMaster.parse(text: text, fileName: "m.txt").mappings == ["RELIANCE": "RELIND", "TCS": "TCS"])
    }

    @Test func securityMasterErrorsNameFileAndLine() {
        #expect(throws: SecurityMasterError(location: "m.txt:1", problem: "header lacks column(s) ExchangeCode")) {
            try SecurityMaster.parse(text: "Token,ShortName,Series\n1,RELIND,EQ\n", fileName: "m.txt")
        }
        #expect(throws: SecurityMasterError(location: "m.txt:3", problem: "2 fields, the header has 3")) {
            try SecurityMaster.parse(text: "ShortName,Series,ExchangeCode\nRELIND,EQ,RELIANCE\nTCS,EQ\n", fileName: "m.txt")
        }
        #expect(throws: SecurityMasterError.self) {
            try SecurityMaster.parse(text: "ShortName,Series,ExchangeCode\nX,EQ,BAD SYMBOL\n", fileName: "m.txt")
        }
        #expect(throws: SecurityMasterError.self) {
            try SecurityMaster.parse(text: "ShortName,Series,ExchangeCode\nX,BE,ABC\n", fileName: "m.txt")
        }
    }
}
