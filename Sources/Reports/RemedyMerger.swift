import MarketData

enum RemedyMerger {
    /// The fewest remedies that do what all of `remedies` do. Fetches with the same dates, interval
    /// and data root become one fetch over the union of their symbols; then fetches of the same
    /// symbols whose date ranges overlap or touch become one over the joined range (the adjacent
    /// windows of one symbol need overlapping history). Anything else is kept once. Order follows
    /// first appearance.
    static func merge(_ remedies: [Remedy]) -> [Remedy] {
        var fetches: [FetchRemedy] = []
        var others: [Remedy] = []
        var order: [Entry] = []
        for remedy in remedies {
            if case .fetch(let fetch) = remedy {
                if let i = fetches.firstIndex(where: { $0.range == fetch.range && sameTarget($0, fetch) }) {
                    for s in fetch.symbols where !fetches[i].symbols.contains(s) { fetches[i].symbols.append(s) }
                } else {
                    fetches.append(fetch)
                    order.append(.fetch(fetches.count - 1))
                }
            } else if !others.contains(remedy) {
                others.append(remedy)
                order.append(.other(others.count - 1))
            }
        }
        let joined = joinRanges(fetches)
        return order.compactMap { entry in
            switch entry {
            case .fetch(let i): joined[i].map(Remedy.fetch)
            case .other(let i): others[i]
            }
        }
    }

    private enum Entry { case fetch(Int), other(Int) }

    private static func sameTarget(_ a: FetchRemedy, _ b: FetchRemedy) -> Bool {
        a.interval == b.interval && a.dataDir == b.dataDir
    }

    /// Same length as `fetches`; a fetch absorbed into an earlier one becomes nil.
    private static func joinRanges(_ fetches: [FetchRemedy]) -> [FetchRemedy?] {
        var result: [FetchRemedy?] = fetches
        for i in result.indices {
            guard var head = result[i] else { continue }
            var absorbedSomething = true
            while absorbedSomething {
                absorbedSomething = false
                for j in result.indices where j != i {
                    guard let other = result[j], Set(other.symbols) == Set(head.symbols), sameTarget(other, head),
                          other.range.first.ordinal <= head.range.last.ordinal + 1,
                          head.range.first.ordinal <= other.range.last.ordinal + 1
                    else { continue }
                    head.range = DayRange(min(head.range.first, other.range.first), max(head.range.last, other.range.last))
                    result[j] = nil
                    absorbedSomething = true
                }
            }
            result[i] = head
        }
        return result
    }
}
