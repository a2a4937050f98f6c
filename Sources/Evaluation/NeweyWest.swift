/// Newey-West (Bartlett kernel) standard error of a series' mean.
///
/// Overlapping forward returns make consecutive daily values correlated, so the i.i.d.
/// standard error sd/sqrt(n) is too small. With residuals e_t = x_t - mean and
/// autocovariances gamma_j = (1/n) * sum_{t>j} e_t * e_{t-j}:
///
///     se^2 = (gamma_0 + 2 * sum_{j=1..L} (1 - j/(L+1)) * gamma_j) / n
///
/// Nil below two values or when the long-run variance is not positive.
public func neweyWestStandardError(_ series: [Double], lag: Int) -> Double? {
    let n = series.count
    guard n >= 2, lag >= 0 else { return nil }
    let m = mean(series)
    let residuals = series.map { $0 - m }
    func autocovariance(_ j: Int) -> Double {
        (j..<n).reduce(0.0) { $0 + residuals[$1] * residuals[$1 - j] } / Double(n)
    }
    let effectiveLag = min(lag, n - 1)
    var longRunVariance = autocovariance(0)
    for j in stride(from: 1, through: effectiveLag, by: 1) {
        longRunVariance += 2 * (1 - Double(j) / Double(lag + 1)) * autocovariance(j)
    }
    guard longRunVariance > 0 else { return nil }
    return (longRunVariance / Double(n)).squareRoot()
}
