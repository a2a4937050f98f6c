import Foundation

/// An amount in Indian rupees held as whole paise, so sums and comparisons are exact.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    public var paise: Int

    public init(paise: Int) { self.paise = paise }

    /// Rounds a rupee amount half-up (half away from zero) to the paisa.
    public init(rupees: Decimal) {
        self.paise = Money.roundedToInteger(rupees * 100)
    }

    /// Rounds a rupee price to the nearest paisa.
    public init(rupees: Double) {
        self.paise = Int((rupees * 100).rounded(.toNearestOrAwayFromZero))
    }

    public static let zero = Money(paise: 0)

    public var rupees: Decimal { Decimal(paise) / 100 }
    public var rupeesDouble: Double { Double(paise) / 100 }

    /// `1234.56`, `-0.05`: always two decimals, no grouping.
    public var description: String {
        let magnitude = paise.magnitude
        let fraction = magnitude % 100
        return "\(paise < 0 ? "-" : "")\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func + (a: Money, b: Money) -> Money { Money(paise: a.paise + b.paise) }
    public static func - (a: Money, b: Money) -> Money { Money(paise: a.paise - b.paise) }
    public static func * (a: Money, quantity: Int) -> Money { Money(paise: a.paise * quantity) }
    public static func < (a: Money, b: Money) -> Bool { a.paise < b.paise }

    /// This amount times a rate, rounded half-up to the paisa.
    public func applying(_ rate: Decimal) -> Money {
        Money(paise: Money.roundedToInteger(Decimal(paise) * rate))
    }

    static func roundedToInteger(_ value: Decimal) -> Int {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 0, .plain)
        return NSDecimalNumber(decimal: output).intValue
    }
}
