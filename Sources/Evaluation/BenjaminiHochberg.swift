/// Benjamini-Hochberg step-up procedure controlling the false discovery rate at `q`.
///
/// Sort the m p-values ascending (ties by name, for a reproducible order), find the largest
/// rank i with p_(i) <= q * i / m, and reject the hypotheses of ranks 1...i. Returns the
/// rejected names, sorted.
public func benjaminiHochbergRejections(_ tests: [(name: String, pValue: Double)], q: Double = 0.10) -> [String] {
    let ranked = tests.sorted { $0.pValue != $1.pValue ? $0.pValue < $1.pValue : $0.name < $1.name }
    let m = Double(ranked.count)
    let cutoff = ranked.indices.last { ranked[$0].pValue <= q * Double($0 + 1) / m }
    guard let cutoff else { return [] }
    return ranked[...cutoff].map(\.name).sorted()
}
