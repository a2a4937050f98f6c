import Foundation

/// A named list of NSE symbols shipped with the tool (Resources/<name>.json).
public struct Universe: Sendable {
    public let name: String
    public let asOf: CalendarDay
    public let source: String
    public let symbols: [String]

    /// Names `named(_:)` accepts.
    public static let knownNames = ["nifty100"]

    public static func named(_ name: String) throws -> Universe {
        let key = name.lowercased()
        guard knownNames.contains(key) else { throw UniverseError.unknown(name, known: knownNames) }
        let file: UniverseFile
        do {
            file = try JSONDecoder().decode(UniverseFile.self, from: BundledResource.data(named: key, extension: "json"))
        } catch let error as BundledDataError {
            throw error
        } catch {
            throw BundledDataError(file: "\(key).json", problem: "\(error)")
        }
        return Universe(name: file.name, asOf: file.asOf, source: file.source, symbols: file.symbols)
    }
}

public enum UniverseError: ClassifiedError, Equatable {
    case unknown(String, known: [String])

    public var failureClass: FailureClass { .invalidInput }

    public var description: String {
        switch self {
        case let .unknown(name, known):
            "unknown universe '\(name)'; known universes: \(known.joined(separator: ", "))"
        }
    }
}

private struct UniverseFile: Decodable {
    let name: String
    let asOf: CalendarDay
    let source: String
    let symbols: [String]

    enum CodingKeys: String, CodingKey { case name, asOf = "as_of", source, symbols }
}

/// A data file shipped in Resources/ that is missing or malformed: a packaging defect.
public struct BundledDataError: ClassifiedError {
    public let file: String
    public let problem: String

    public var failureClass: FailureClass { .internal }
    public var description: String { "bundled data file \(file): \(problem)" }
}

/// Reads files from the target's Resources/ directory (the calendar, universes, mappings).
enum BundledResource {
    static func data(named name: String, extension ext: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources") else {
            throw BundledDataError(file: "\(name).\(ext)", problem: "not found in the MarketData resource bundle")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw BundledDataError(file: "\(name).\(ext)", problem: error.localizedDescription)
        }
    }
}
