extension Array where Element: Comparable {
    /// In an ascending array: how many elements are less than `value`, which is also the first
    /// index where `value` could be inserted keeping the order (binary search).
    public func lowerBound(of value: Element) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
