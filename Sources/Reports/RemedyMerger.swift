import Batch
import MarketData

enum RemedyMerger {
    /// The fewest commands that do what all of `remedies` do. Fetches with the same dates and
    /// options become one command over the union of their symbols; then fetches of the same
    /// symbols whose date ranges overlap or touch become one command over the joined range
    /// (the adjacent windows of one symbol need overlapping history). Anything else is kept
    /// verbatim, once. Order follows first appearance.
    static func merge(_ remedies: [String]) -> [String] {
        var fetches: [FetchRemedy] = []
        var verbatim: [String] = []
        var order: [Entry] = []
        for remedy in remedies {
            if let fetch = FetchRemedy(remedy) {
                if let i = fetches.firstIndex(where: { $0.start == fetch.start && $0.end == fetch.end && $0.otherArguments == fetch.otherArguments }) {
                    for s in fetch.symbols where !fetches[i].symbols.contains(s) { fetches[i].symbols.append(s) }
                } else {
                    fetches.append(fetch)
                    order.append(.fetch(fetches.count - 1))
                }
            } else if !verbatim.contains(remedy) {
                verbatim.append(remedy)
                order.append(.verbatim(verbatim.count - 1))
            }
        }
        let joined = joinRanges(fetches)
        return order.compactMap { entry in
            switch entry {
            case .fetch(let i): joined[i]?.command
            case .verbatim(let i): verbatim[i]
            }
        }
    }

    private enum Entry { case fetch(Int), verbatim(Int) }

    /// Same length as `fetches`; a fetch absorbed into an earlier one becomes nil.
    private static func joinRanges(_ fetches: [FetchRemedy]) -> [FetchRemedy?] {
        var result: [FetchRemedy?] = fetches
        for i in result.indices {
            guard var head = result[i] else { continue }
            var absorbedSomething = true
            while absorbedSomething {
                absorbedSomething = false
                for j in result.indices where j != i {
                    guard let other = result[j], Set(other.symbols) == Set(head.symbols),
                          other.otherArguments == head.otherArguments,
                          other.start.ordinal <= head.end.ordinal + 1, head.start.ordinal <= other.end.ordinal + 1
                    else { continue }
                    head.start = min(head.start, other.start)
                    head.end = max(head.end, other.end)
                    result[j] = nil
                    absorbedSomething = true
                }
            }
            result[i] = head
        }
        return result
    }
}
