/// One date's symbols that have a forward return, in canonical order.
struct CrossSection {
    var date: DateKey
    var rows: [ScoredRow]

    var probabilities: [Double] { rows.map(\.probability) }
    var forwardReturns: [Double] { rows.compactMap(\.forwardReturn) }

    /// Rows with a forward return grouped by date, dates ascending. `rows` must be
    /// canonically ordered so each group's order is too.
    static func byDate(_ rows: [ScoredRow]) -> [CrossSection] {
        let groups = Dictionary(grouping: rows.filter { $0.forwardReturn != nil }, by: \.date)
        return groups.sorted { $0.key < $1.key }.map { CrossSection(date: $0.key, rows: $0.value) }
    }
}
