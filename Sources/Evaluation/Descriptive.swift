/// Arithmetic mean; callers guarantee at least one value. A constant series returns its
/// value exactly (summing then dividing can miss it by an ulp), so its residuals are exactly
/// 0 and every variance, correlation and t-statistic built on them is undefined, not huge.
func mean(_ values: [Double]) -> Double {
    if values.allSatisfy({ $0 == values[0] }) { return values[0] }
    return values.reduce(0, +) / Double(values.count)
}

/// Sample standard deviation (n - 1 denominator); nil below two values.
func sampleStandardDeviation(_ values: [Double]) -> Double? {
    guard values.count >= 2 else { return nil }
    let m = mean(values)
    let squares = values.reduce(0.0) { $0 + ($1 - m) * ($1 - m) }
    return (squares / Double(values.count - 1)).squareRoot()
}

/// Quantile with linear interpolation between order statistics (NumPy's default, "type 7");
/// nil for no values.
func quantile(_ values: [Double], _ level: Double) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let position = level * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
}

/// `numerator / denominator`, nil instead of a non-finite result.
func finiteRatio(_ numerator: Double, _ denominator: Double) -> Double? {
    guard denominator != 0 else { return nil }
    let ratio = numerator / denominator
    return ratio.isFinite ? ratio : nil
}
