import MarketData

/// Which labelled rows train, which validate, and which are left out between them.
public struct DataSplit: Equatable, Sendable {
    /// Row numbers (into the prepared rows), ascending.
    public let train: [Int]
    public let validation: [Int]
    /// Rows dropped so that no training label's horizon reaches into the validation period.
    public let purged: [Int]
    public let mode: SplitMode

    /// The original's validation size: 2 rows below 40 rows, else 20% rounded up.
    public static func validationCount(rows n: Int) -> Int {
        n < 40 ? 2 : Int((Double(n) * 0.2).rounded(.up))
    }

    public static func make(_ window: PreparedWindow, config: TeacherConfig) throws -> DataSplit {
        switch config.split {
        case .chronological:
            return try chronological(rowBars: window.rowBars, horizon: config.horizon)
        case .stratifiedShuffle:
            return stratifiedShuffle(labels: window.labels, seed: config.splitSeed)
        }
    }

    /// The newest rows validate; a training row is kept only when its label's last bar
    /// (`bar + horizon`) comes before the first validation bar, so `horizon` bars separate them.
    public static func chronological(rowBars: [Int], horizon: Int) throws -> DataSplit {
        let n = rowBars.count
        let validationStart = n - validationCount(rows: n)
        guard validationStart > 0 else { throw TeacherError.insufficientData("too few rows (\(n)) for a validation split") }
        let firstValidationBar = rowBars[validationStart]
        let train = (0..<validationStart).filter { rowBars[$0] + horizon < firstValidationBar }
        guard !train.isEmpty else {
            throw TeacherError.insufficientData("no training rows remain after the \(horizon)-bar purge gap (\(n) rows)")
        }
        return DataSplit(
            train: train,
            validation: Array(validationStart..<n),
            purged: Array(train.count..<validationStart),
            mode: .chronological)
    }

    /// The original's kind of split: validation rows drawn at random per label, in proportion
    /// to each label's share (largest remainder), with a seeded shuffle. A label with fewer
    /// than 2 rows cannot be stratified; then the rows are drawn without stratification.
    public static func stratifiedShuffle(labels: [Double], seed: UInt64) -> DataSplit {
        let n = labels.count
        let target = validationCount(rows: n)
        var generator = SplitMix64(state: seed)
        let classes = Dictionary(grouping: 0..<n, by: { labels[$0] }).sorted { $0.key < $1.key }.map(\.value)
        let groups = classes.allSatisfy({ $0.count >= 2 }) ? classes : [Array(0..<n)]
        let quotas = allocate(target, among: groups.map(\.count))
        var validation: [Int] = []
        for (group, quota) in zip(groups, quotas) {
            validation += generator.shuffled(group).prefix(quota)
        }
        let chosen = Set(validation)
        return DataSplit(
            train: (0..<n).filter { !chosen.contains($0) },
            validation: validation.sorted(),
            purged: [],
            mode: .stratifiedShuffle)
    }

    /// Splits `total` among groups in proportion to their sizes, by largest remainder, never
    /// taking a whole group (each keeps at least one row for training).
    static func allocate(_ total: Int, among sizes: [Int]) -> [Int] {
        let n = sizes.reduce(0, +)
        guard n > 0 else { return sizes.map { _ in 0 } }
        let exact = sizes.map { Double(total) * Double($0) / Double(n) }
        var quotas = zip(exact, sizes).map { min(Int($0.rounded(.down)), max(0, $1 - 1)) }
        let byRemainder = sizes.indices.sorted {
            let (a, b) = (exact[$0] - exact[$0].rounded(.down), exact[$1] - exact[$1].rounded(.down))
            return a != b ? a > b : sizes[$0] > sizes[$1]
        }
        var missing = total - quotas.reduce(0, +)
        while missing > 0 {
            let open = byRemainder.filter { quotas[$0] < sizes[$0] - 1 }.prefix(missing)
            if open.isEmpty { break }
            for i in open { quotas[i] += 1 }
            missing -= open.count
        }
        return quotas
    }
}
