import Batch
import Evaluation
import Foundation
import MarketData

/// Computes a `ReportModel` from one batch's ledger rows. Pure: no clock, no file system.
public enum ReportModelBuilder {
    public static func build(batch: BatchRecord, windows: [WindowRecord], attempts: [AttemptRecord],
                             ledgerPath: String, dataDirectory: String, evaluation: EvaluationSummary? = nil,
                             backtest: BacktestLink? = nil) -> ReportModel {
        let parameters = try? batch.decodedParameters()
        let attemptsByLabel = Dictionary(grouping: attempts, by: \.label)
        let ranges = windowRanges(windows)
        let columnOf = Dictionary(uniqueKeysWithValues: ranges.enumerated().map { ("\($1.startDate)|\($1.endDate)", $0) })

        let rootCauses = rootCauseGroups(windows, attemptsByLabel: attemptsByLabel)
        var groupOf: [String: Int] = [:]
        for group in rootCauses { for label in group.windowLabels { groupOf[label] = group.id } }

        let facts = windows.map { w in
            WindowFacts(
                label: w.label, symbol: w.symbol, startDate: w.startDate, endDate: w.endDate,
                column: columnOf["\(w.startDate)|\(w.endDate)"] ?? 0,
                status: w.status, failureClass: w.failureClass, reason: w.reason, remedy: w.remedy.map(RemedyText.render),
                attempts: w.attempts, attemptRecords: attemptsByLabel[w.label]?.count ?? 0,
                durationSeconds: w.durationSeconds,
                validationAUC: w.status == .success ? TeacherMetrics.number(TeacherMetrics.validationAUCKey, in: w.metrics) : nil,
                rootCause: groupOf[w.label], finishedAt: w.finishedAt.map(Timestamp.ist))
        }

        let counts = windowCounts(windows, attempts: attempts)
        // The batch row's rates are the definitions; feed them the counts recomputed from the windows.
        var recounted = batch
        recounted.total = counts.total
        recounted.succeeded = counts.succeeded
        recounted.skipped = counts.skipped
        recounted.failed = counts.failed
        let total = Double(max(counts.total, 1))
        let rates = Rates(
            successRate: counts.total == 0 ? 0 : Double(counts.succeeded) / total,
            skipRate: counts.total == 0 ? 0 : Double(counts.skipped) / total,
            failureRate: recounted.failureRate,
            failureRateAllWindows: recounted.failureRateAllWindows,
            maxFailureRate: parameters?.maxFailureRate,
            withinThreshold: parameters.map { recounted.failureRate <= $0.maxFailureRate })
        let finished = counts.succeeded + counts.skipped + counts.failed
        let timing = Timing(durationSeconds: batch.durationSeconds, finishedWindows: finished,
                            secondsPerFinishedWindow: finished == 0 ? nil : batch.durationSeconds / Double(finished))

        let symbols = batchSymbols(batch, windows: windows)
        let anythingLeft = counts.succeeded < counts.total
        return ReportModel(
            schemaVersion: ReportModel.schemaVersion,
            batchId: batch.id, status: batch.status, statusMeaning: statusMeaning(batch.status),
            createdAt: Timestamp.ist(batch.createdAt), startedAt: batch.startedAt.map(Timestamp.ist),
            finishedAt: batch.finishedAt.map(Timestamp.ist), universe: batch.universe, symbols: symbols,
            windowRanges: ranges, counts: counts, rates: rates, timing: timing,
            workers: batch.workers, runs: batch.runs,
            finding: finding(rootCauses, counts: counts),
            countsByClass: classCounts(windows),
            rootCauses: rootCauses,
            recoveredByRetry: retryGroups(windows, attemptsByLabel: attemptsByLabel),
            windows: facts,
            impact: impact(symbols: symbols, windows: windows),
            windowDurations: durationDistribution(windows),
            validationAUC: aucDistribution(facts),
            actions: rootCauses.map { action($0, in: windows) },
            quality: evaluation,
            evaluateCommand: RemedyText.render(.evaluate(batchId: batch.id, dataDir: dataDirectory)),
            backtest: backtest,
            resumeCommand: anythingLeft ? RemedyText.render(.resume(batchId: batch.id, dataDir: dataDirectory)) : nil,
            evidence: Evidence(
                batchDirectory: batch.batchDir, ledgerPath: ledgerPath, logPath: batch.logPath,
                dataDirectory: dataDirectory, parameters: parameters, parametersRecorded: batch.parameters,
                ledgerDiscrepancies: discrepancies(batch, counts: counts)))
    }

    // MARK: Counts

    static func windowCounts(_ windows: [WindowRecord], attempts: [AttemptRecord]) -> WindowCounts {
        func count(_ statuses: WindowStatus...) -> Int { windows.filter { statuses.contains($0.status) }.count }
        let succeeded = count(.success), failed = count(.failed)
        return WindowCounts(
            total: windows.count, succeeded: succeeded, skipped: count(.skipped), failed: failed,
            notRun: count(.pending, .running), attempted: succeeded + failed,
            retries: windows.reduce(0) { $0 + max(0, $1.attempts - 1) }, attemptRecords: attempts.count)
    }

    static func discrepancies(_ batch: BatchRecord, counts: WindowCounts) -> [String] {
        let pairs: [(String, Int, Int)] = [
            ("total", batch.total, counts.total), ("succeeded", batch.succeeded, counts.succeeded),
            ("skipped", batch.skipped, counts.skipped), ("failed", batch.failed, counts.failed),
            ("retries", batch.retries, counts.retries),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { "batch row says \($0.0) = \($0.1); its windows say \($0.2)" }
    }

    static func statusMeaning(_ status: BatchStatus) -> String {
        switch status {
        case .running: "The batch is still running, or its process died before it could record an outcome."
        case .completed: "No window failed."
        case .partial: "Some windows failed, within the failure-rate threshold."
        case .failed: "The failure rate over attempted windows exceeded the threshold."
        case .interrupted: "The batch was interrupted before every window finished; --resume runs the rest."
        }
    }

    // MARK: Windows and symbols

    static func windowRanges(_ windows: [WindowRecord]) -> [WindowRange] {
        var seen = Set<String>()
        let pairs = windows.map { ($0.startDate, $0.endDate) }.filter { seen.insert("\($0.0)|\($0.1)").inserted }
        return pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.enumerated().map {
            WindowRange(name: "W\($0.offset + 1)", startDate: $0.element.0, endDate: $0.element.1)
        }
    }

    /// The batch's recorded symbols, then any symbol that only appears in its windows.
    static func batchSymbols(_ batch: BatchRecord, windows: [WindowRecord]) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for s in batch.decodedSymbols() + windows.map(\.symbol) where seen.insert(s).inserted { out.append(s) }
        return out
    }

    static func impact(symbols: [String], windows: [WindowRecord]) -> Impact {
        let bySymbol = Dictionary(grouping: windows, by: \.symbol)
        var fully: [String] = [], partly: [Impact.SymbolCoverage] = [], none: [String] = []
        for symbol in symbols {
            let own = bySymbol[symbol] ?? []
            let trained = own.filter { $0.status == .success }.count
            if !own.isEmpty && trained == own.count {
                fully.append(symbol)
            } else if trained > 0 {
                partly.append(.init(symbol: symbol, trainedWindows: trained, totalWindows: own.count))
            } else {
                none.append(symbol)
            }
        }
        return Impact(trainedWindows: windows.filter { $0.status == .success }.count, totalWindows: windows.count,
                      fullyTrained: fully, partlyTrained: partly, notTrained: none)
    }

    /// Success first, then classes by count (largest first, ties by name), then `not run`.
    static func classCounts(_ windows: [WindowRecord]) -> [ClassCount] {
        var byName: [String: ClassCount] = [:]
        for w in windows {
            let name: String
            switch w.status {
            case .success: name = "success"
            case .pending, .running: name = w.failureClass == nil ? "not run" : ReportText.className(w.failureClass)
            case .skipped, .failed: name = ReportText.className(w.failureClass)
            }
            var c = byName[name] ?? ClassCount(name: name, succeeded: 0, skipped: 0, failed: 0, notRun: 0, total: 0)
            c.total += 1
            switch w.status {
            case .success: c.succeeded += 1
            case .skipped: c.skipped += 1
            case .failed: c.failed += 1
            case .pending, .running: c.notRun += 1
            }
            byName[name] = c
        }
        let classes = byName.values.filter { $0.name != "success" && $0.name != "not run" }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.name < $1.name }
        return [byName["success"]].compactMap { $0 } + classes + [byName["not run"]].compactMap { $0 }
    }

    // MARK: Root causes

    static func rootCauseGroups(_ windows: [WindowRecord], attemptsByLabel: [String: [AttemptRecord]]) -> [RootCauseGroup] {
        struct Key: Hashable { var status: WindowStatus; var failureClass: FailureClass?; var reason: String }
        var order: [Key] = []
        var members: [Key: [WindowRecord]] = [:]
        for w in windows where w.status == .failed || w.status == .skipped {
            let key = Key(status: w.status, failureClass: w.failureClass,
                          reason: ReasonNormalizer.normalize(w.reason ?? noReason, symbol: w.symbol))
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(w)
        }
        // Largest first; ties keep the order the groups first appear in the plan.
        let ranked = order.enumerated().sorted { a, b in
            let (na, nb) = (members[a.element]!.count, members[b.element]!.count)
            return na != nb ? na > nb : a.offset < b.offset
        }.map(\.element)
        return ranked.enumerated().map { index, key in
            let group = members[key]!
            let retriedWindows = group.filter { (attemptsByLabel[$0.label]?.count ?? 0) > 1 }.count
            return RootCauseGroup(
                id: index + 1, status: key.status, failureClass: key.failureClass, normalizedReason: key.reason,
                representativeError: group[0].reason ?? noReason, windowCount: group.count,
                windowLabels: group.map(\.label), symbols: unique(group.map(\.symbol)),
                retriedWindows: retriedWindows, retried: retriedWindows > 0)
        }
    }

    static func retryGroups(_ windows: [WindowRecord], attemptsByLabel: [String: [AttemptRecord]]) -> [RetryGroup] {
        struct Key: Hashable { var failureClass: FailureClass?; var reason: String }
        var order: [Key] = []
        var groups: [Key: RetryGroup] = [:]
        for w in windows where w.status == .success {
            let failedAttempts = (attemptsByLabel[w.label] ?? []).sorted { $0.attempt < $1.attempt }
                .filter { $0.failureClass != nil || $0.reason != nil }
            for a in failedAttempts {
                let key = Key(failureClass: a.failureClass, reason: ReasonNormalizer.normalize(a.reason ?? noReason, symbol: w.symbol))
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = RetryGroup(failureClass: a.failureClass, normalizedReason: key.reason,
                                             representativeError: a.reason ?? noReason, failedAttempts: 0,
                                             windowLabels: [], symbols: [])
                }
                groups[key]!.failedAttempts += 1
                if !groups[key]!.windowLabels.contains(w.label) { groups[key]!.windowLabels.append(w.label) }
                if !groups[key]!.symbols.contains(w.symbol) { groups[key]!.symbols.append(w.symbol) }
            }
        }
        return order.map { groups[$0]! }
    }

    static func finding(_ groups: [RootCauseGroup], counts: WindowCounts) -> String {
        var sentences: [String] = []
        let unsuccessful = counts.skipped + counts.failed
        if counts.total == 0 {
            sentences.append("The batch has no windows.")
        } else if unsuccessful == 0 && counts.notRun == 0 {
            sentences.append("Every window trained.")
        } else if groups.count == 1, let g = groups.first {
            let subject = unsuccessful == 1 ? "The one window that did not train has" : "All \(unsuccessful) windows that did not train share"
            sentences.append("\(subject) one root cause (group 1): \(className(g.failureClass)), \(g.status.rawValue), affecting \(Formatting.plural(g.symbols.count, "symbol")).")
        } else if let g = groups.first {
            sentences.append("The \(unsuccessful) windows that did not train fall into \(groups.count) root causes; the largest (group 1) is \(className(g.failureClass)), \(g.status.rawValue), with \(Formatting.plural(g.windowCount, "window")).")
        }
        if counts.notRun > 0 {
            sentences.append("\(counts.notRun) window\(counts.notRun == 1 ? "" : "s") did not run to an outcome.")
        }
        return sentences.joined(separator: " ")
    }

    // MARK: Actions

    static func action(_ group: RootCauseGroup, in windows: [WindowRecord]) -> RecommendedAction {
        let labels = Set(group.windowLabels)
        return action(group, remedies: windows.filter { labels.contains($0.label) }.compactMap(\.remedy))
    }

    static func action(_ group: RootCauseGroup, remedies: [Remedy]) -> RecommendedAction {
        let commands = RemedyMerger.merge(remedies).map(RemedyText.render)
        let title = "Fix group \(group.id): \(className(group.failureClass)), \(group.windowCount) window\(group.windowCount == 1 ? "" : "s") (\(group.symbols.count) symbol\(group.symbols.count == 1 ? "" : "s"))"
        var note: String?
        if commands.isEmpty {
            note = group.failureClass?.isRetryable == true
                ? "No fix was recorded; this class is retryable, so the resume below reruns these windows."
                : "No fix was recorded in the ledger for these windows; see the representative error."
        } else if remedies.count < group.windowCount {
            note = "\(group.windowCount - remedies.count) of the \(group.windowCount) windows had no recorded fix."
        }
        return RecommendedAction(rootCause: group.id, title: title, commands: commands, note: note)
    }

    // MARK: Distributions

    static func durationDistribution(_ windows: [WindowRecord]) -> Distribution {
        let values = windows.compactMap(\.durationSeconds).filter(\.isFinite)
        return DistributionBuilder.durations(values, excluded: windows.count - values.count,
                                             exclusionReason: "windows with no recorded duration: skipped before training or not run")
    }

    static func aucDistribution(_ facts: [WindowFacts]) -> Distribution {
        let trained = facts.filter { $0.status == .success }
        let values = trained.compactMap(\.validationAUC)
        return DistributionBuilder.auc(values, excluded: trained.count - values.count,
                                       exclusionReason: "trained windows whose metrics have no numeric val_auc: missing or null")
    }

    static let noReason = "(no reason recorded)"

    static func className(_ c: FailureClass?) -> String { c?.rawValue ?? "unclassified" }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

/// Ledger instants as IST wall-clock text, the same clock the rest of the system prints.
enum Timestamp {
    static func ist(_ date: Date) -> String {
        IST.format(Int64(date.timeIntervalSince1970.rounded(.down)))
    }
}
