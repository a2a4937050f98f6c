import Foundation
import MarketData

/// One dated rate: `rate` is a fraction of order value (for GST, a fraction of its base).
public struct ScheduleRow: Codable, Sendable, Equatable {
    public var charge: ChargeKind
    public var product: Product
    public var side: RowSide
    public var rate: Decimal
    public var effectiveFrom: CalendarDay
    public var source: String

    public init(charge: ChargeKind, product: Product, side: RowSide, rate: Decimal, effectiveFrom: CalendarDay, source: String) {
        self.charge = charge
        self.product = product
        self.side = side
        self.rate = rate
        self.effectiveFrom = effectiveFrom
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case charge, product, side, rate, source
        case effectiveFrom = "effective_from"
    }
}

public enum CostScheduleError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, problem: String)
    case noRateInForce(charge: ChargeKind, product: Product, side: OrderSide, date: CalendarDay)

    public var description: String {
        switch self {
        case let .malformed(file, problem):
            return "cost schedule \(file) is malformed: \(problem)"
        case let .noRateInForce(charge, product, side, date):
            return "no \(charge.rawValue) rate in force for a \(product.rawValue) \(side.rawValue) on \(date)"
        }
    }
}

/// Dated NSE cash-segment charges. A trade is charged at the row in force on its trade date.
public struct CostSchedule: Sendable, Equatable {
    public let name: String
    public let rows: [ScheduleRow]

    public static let bundledFileName = "nse_cash_costs.json"

    /// Validates that every charge has a row for every product and side, and that no two rows collide.
    public init(name: String, rows: [ScheduleRow]) throws(CostScheduleError) {
        try Self.validate(rows, file: name)
        self.name = name
        self.rows = rows
    }

    /// The default schedule shipped in the package's resources.
    public static var bundledURL: URL? {
        Bundle.module.url(forResource: bundledFileName, withExtension: nil, subdirectory: "Resources")
    }

    public static func bundled() throws(CostScheduleError) -> CostSchedule {
        guard let url = bundledURL else { throw .malformed(file: bundledFileName, problem: "missing from the bundle") }
        return try load(from: url)
    }

    /// The schedule in `file`, or the shipped one (`--cost-schedule FILE`).
    public static func load(file: URL?) throws(CostScheduleError) -> CostSchedule {
        guard let file else { return try bundled() }
        return try load(from: file)
    }

    public static func load(from url: URL) throws(CostScheduleError) -> CostSchedule {
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .malformed(file: file, problem: "cannot be read (\(error.localizedDescription))")
        }
        let document: ScheduleDocument
        do { document = try JSONDecoder().decode(ScheduleDocument.self, from: data) } catch {
            throw .malformed(file: file, problem: DecodingProblem.describe(error))
        }
        try validate(document.rows, file: file)
        return CostSchedule(validated: document.name, rows: document.rows)
    }

    /// The row in force on `date`: the latest `effectiveFrom` on or before it.
    public func row(_ charge: ChargeKind, _ product: Product, _ side: OrderSide, on date: CalendarDay) throws(CostScheduleError) -> ScheduleRow {
        let inForce = rows
            .filter { $0.charge == charge && $0.product == product && $0.side.covers(side) && $0.effectiveFrom <= date }
            .max { $0.effectiveFrom < $1.effectiveFrom }
        guard let inForce else { throw .noRateInForce(charge: charge, product: product, side: side, date: date) }
        return inForce
    }

    private init(validated name: String, rows: [ScheduleRow]) {
        self.name = name
        self.rows = rows
    }

    private static func validate(_ rows: [ScheduleRow], file: String) throws(CostScheduleError) {
        for row in rows where row.rate < 0 || row.rate > 1 {
            throw .malformed(file: file, problem: "\(row.charge.rawValue) rate \(row.rate) from \(row.effectiveFrom) is not a fraction in 0...1")
        }
        for charge in ChargeKind.allCases {
            for product in Product.allCases {
                for side in OrderSide.allCases {
                    let matching = rows.filter { $0.charge == charge && $0.product == product && $0.side.covers(side) }
                    if matching.isEmpty {
                        throw .malformed(file: file, problem: "no \(charge.rawValue) row for \(product.rawValue) \(side.rawValue)")
                    }
                    let dates = matching.map(\.effectiveFrom)
                    if Set(dates).count != dates.count {
                        throw .malformed(file: file, problem: "two \(charge.rawValue) rows for \(product.rawValue) \(side.rawValue) share an effective_from date")
                    }
                }
            }
        }
    }
}

private struct ScheduleDocument: Decodable {
    var name: String
    var rows: [ScheduleRow]
}

/// Turns a DecodingError into one line naming where in the file it went wrong.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        switch decoding {
        case let .dataCorrupted(context):
            return "\(path(context.codingPath)): \(context.debugDescription) \(underlying(context))"
        case let .keyNotFound(key, context):
            return "\(path(context.codingPath + [key])): missing key"
        case let .typeMismatch(type, context):
            return "\(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case let .valueNotFound(type, context):
            return "\(path(context.codingPath)): expected \(type), found null"
        @unknown default:
            return "\(decoding)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "top level" : text
    }

    private static func underlying(_ context: DecodingError.Context) -> String {
        context.underlyingError.map { "(\($0.localizedDescription))" } ?? ""
    }
}
