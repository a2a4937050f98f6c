import MarketData

/// One executed order. `signalDate` is nil for the end-of-test liquidation at the last close.
public struct Fill: Hashable, Sendable {
    public var date: CalendarDay
    public var signalDate: CalendarDay?
    public var symbol: String
    public var side: OrderSide
    public var quantity: Int
    public var price: Money
    public var charges: Charges

    public var value: Money { price * quantity }
}

/// A closed position: one buy and the sell that exited it.
struct RoundTrip: Equatable {
    /// Sell proceeds minus sell charges minus (buy value plus buy charges).
    var netPnL: Money
}
