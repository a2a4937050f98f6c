import MarketData

/// The preflight's findings, grouped by class, each with the one command that fixes the group.
public struct PreflightSummary: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var failureClass: FailureClass
        public var windows: Int
        public var symbols: [String]
        public var range: DayRange
        /// The fetch that fixes the group's symbols that have a Breeze code, when there is one.
        public var fetch: FetchRemedy?
        /// Everything that fixes the group.
        public var fixes: [Remedy]
    }

    public var ready: Int
    public var groups: [Group]

    public var skipped: Int { groups.reduce(0) { $0 + $1.windows } }

    public init(windows: [WindowRecord], verdicts: [String: PreflightVerdict], preflight: Preflight) {
        var ready = 0
        var byClass: [FailureClass: [WindowRecord]] = [:]
        for w in windows {
            switch verdicts[w.label] {
            case .skip(let c, _, _): byClass[c, default: []].append(w)
            case .ready, nil: ready += 1
            }
        }
        self.ready = ready
        groups = FailureClass.allCases.compactMap { c in
            guard let ws = byClass[c], !ws.isEmpty else { return nil }
            var symbols: [String] = []
            for w in ws where !symbols.contains(w.symbol) { symbols.append(w.symbol) }
            let ranges = ws.compactMap { $0.window?.range }
            let range = DayRange(ranges.map(\.first).min()!, ranges.map(\.last).max()!)
            let fixable: Set<FailureClass> = [.dataMissing, .insufficientData, .pendingFutureData, .partialDay, .dataCorrupt]
            let fetchable = symbols.filter { !preflight.unmapped.contains($0) }
            let unmapped = symbols.filter { preflight.unmapped.contains($0) }
            let fetch = fixable.contains(c) && !fetchable.isEmpty ? preflight.fetchRemedy(fetchable, range) : nil
            var fixes = fetch.map { [Remedy.fetch($0)] } ?? []
            if fixable.contains(c) && !unmapped.isEmpty { fixes.append(.mapSymbols(unmapped, dataDir: preflight.dataDir)) }
            return Group(failureClass: c, windows: ws.count, symbols: symbols, range: range, fetch: fetch, fixes: fixes)
        }
    }

    /// One line per group, e.g. `8 symbols have no data in 2024-01-01..2024-12-26: A, B — run: sensequant fetch ...`.
    public var lines: [String] {
        groups.map { g in
            let one = g.symbols.count == 1
            let who = one ? "1 symbol" : "\(g.symbols.count) symbols"
            let what: String
            switch g.failureClass {
            case .dataMissing: what = "\(who) \(one ? "has" : "have") no data in \(g.range)"
            case .insufficientData: what = "\(who) \(one ? "has" : "have") too few bars to train in \(g.range)"
            case .pendingFutureData: what = "\(who) \(one ? "lacks" : "lack") the bars after \(g.range.last) that the labels need"
            case .preListing: what = "\(who) \(one ? "was" : "were") not yet listed in \(g.range)"
            case .partialDay: what = "\(who) \(one ? "has" : "have") incomplete trading days in \(g.range)"
            case .dataCorrupt: what = "\(who) \(one ? "has" : "have") a damaged cache file in \(g.range)"
            default: what = "\(who) cannot train in \(g.range) (\(g.failureClass.rawValue))"
            }
            let windows = "\(g.windows) window\(g.windows == 1 ? "" : "s") skipped"
            let fix = g.fixes.isEmpty ? "" : " — " + g.fixes.map(RemedyText.instruction).joined(separator: "; ")
            return "\(what) (\(windows)): \(g.symbols.joined(separator: ", "))\(fix)"
        }
    }
}
