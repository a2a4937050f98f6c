import Foundation

/// NSE symbol → Breeze stock code (RELIANCE → RELIND), with optional listing dates.
///
/// The JSON shape extends the original's `symbol_mappings.json` (`{"mappings": {...}}`):
/// `listing_dates`, `unverified` and `source` are optional, so the original's file loads as is.
public struct SymbolMappings: Sendable, Codable, Equatable {
    public var mappings: [String: String]
    public var listingDates: [String: CalendarDay]
    /// Symbols whose code is a best guess (see Resources/symbol_mappings.json).
    public var unverified: [String]
    public var source: String?

    public static let fileName = "symbol_mappings.json"

    public init(mappings: [String: String] = [:], listingDates: [String: CalendarDay] = [:],
                unverified: [String] = [], source: String? = nil) {
        self.mappings = mappings
        self.listingDates = listingDates
        self.unverified = unverified
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case mappings, listingDates = "listing_dates", unverified, source
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mappings = try c.decode([String: String].self, forKey: .mappings)
        listingDates = try c.decodeIfPresent([String: CalendarDay].self, forKey: .listingDates) ?? [:]
        unverified = try c.decodeIfPresent([String].self, forKey: .unverified) ?? []
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    /// The mappings shipped in Resources/symbol_mappings.json.
    public static func bundled() throws -> SymbolMappings {
        let data = try BundledResource.data(named: "symbol_mappings", extension: "json")
        do {
            return try JSONDecoder().decode(SymbolMappings.self, from: data)
        } catch {
            throw BundledDataError(file: fileName, problem: "\(error)")
        }
    }

    /// The user's `<dataDir>/symbol_mappings.json`, or nil when there is none.
    public static func userFile(in dataDir: URL) throws -> SymbolMappings? {
        let url = dataDir.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(SymbolMappings.self, from: Data(contentsOf: url))
        } catch {
            throw SymbolMappingsError(path: url.path, problem: "\(error)")
        }
    }

    /// Bundled defaults overlaid with `<dataDir>/symbol_mappings.json` when it exists.
    public static func load(dataDir: URL) throws -> SymbolMappings {
        let defaults = try bundled()
        guard let user = try userFile(in: dataDir) else { return defaults }
        return defaults.overlaid(with: user)
    }

    /// `self` with `other`'s codes and dates winning; a symbol `other` maps is no longer unverified
    /// unless `other` itself says so.
    public func overlaid(with other: SymbolMappings) -> SymbolMappings {
        let stillUnverified = unverified.filter { other.mappings[$0] == nil }
        return SymbolMappings(
            mappings: mappings.merging(other.mappings) { _, new in new },
            listingDates: listingDates.merging(other.listingDates) { _, new in new },
            unverified: Array(Set(stillUnverified + other.unverified)).sorted(),
            source: other.source ?? source)
    }

    public func breezeCode(for symbol: String) -> String? {
        mappings[symbol.uppercased()]
    }

    /// The NSE symbol for a Breeze code; when several symbols share a code, the first by name.
    public func symbol(forBreezeCode code: String) -> String? {
        let upper = code.uppercased()
        return mappings.filter { $0.value.uppercased() == upper }.keys.min()
    }

    /// Writes pretty, key-sorted JSON atomically (temporary file, then rename).
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(self))
        bytes.append(UInt8(ascii: "\n"))
        try AtomicFile.write(bytes, to: url)
    }
}

public struct SymbolMappingsError: ClassifiedError {
    public let path: String
    public let problem: String

    public var failureClass: FailureClass { .invalidInput }
    public var description: String { "cannot read symbol mappings \(path): \(problem)" }
    public var remedy: Remedy? { .advice("fix or remove the file; it needs {\"mappings\": {\"RELIANCE\": \"RELIND\", ...}}") }
}
