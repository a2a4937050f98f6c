/// The statutory and exchange charges in a cost schedule, named as in its JSON file.
public enum ChargeKind: String, Codable, Sendable, CaseIterable {
    case stt
    case exchangeTxn = "exchange_txn"
    case sebi
    case stamp
    case gst
}

public enum Product: String, Codable, Sendable, CaseIterable {
    case delivery
    case intraday
}

public enum OrderSide: String, Codable, Sendable, CaseIterable {
    case buy
    case sell
}

/// The side a schedule row applies to.
public enum RowSide: String, Codable, Sendable {
    case buy
    case sell
    case both

    func covers(_ side: OrderSide) -> Bool {
        self == .both || rawValue == side.rawValue
    }
}
