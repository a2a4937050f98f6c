import MarketData

extension Preflight {
    /// The teacher knows the window, not the data root or the margins: its fetch fixes get them here.
    public func completing(_ remedy: Remedy) -> Remedy {
        guard case .fetch(let f) = remedy else { return remedy }
        return .fetch(fetchRemedy(f.symbols, f.range))
    }
}
