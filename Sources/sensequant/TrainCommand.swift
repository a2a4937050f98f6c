import ArgumentParser
import Batch
import Foundation
import Ingest
import MarketData
import Teacher

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train every (symbol, window) of a date range: plan, preflight, parallel training, ledger.",
        discussion: """
        Windows are the original's: [start, start + window-days], the next starting step-days
        later. Before training, preflight checks every window against the cache and calendar
        and skips (with the fixing command) those without enough data. The batch id is printed
        first; `--resume BATCH_ID` reruns exactly the windows that did not succeed, with the
        batch's recorded parameters.
        Exit status: 0 completed or partial, 1 failed (failure rate over --max-failure-rate),
        130 interrupted, 2 usage error.
        """)

    @OptionGroup var selection: SymbolSelection

    @Option(name: .long, help: "First day of the first window, YYYY-MM-DD.")
    var startDate: CalendarDay?
    @Option(name: .long, help: "Last day of the last window, YYYY-MM-DD.")
    var endDate: CalendarDay?
    @Option(name: .long, help: "Window length in calendar days (default 180).")
    var windowDays: Int?
    @Option(name: .long, help: "Days between window starts (default: the window length, the original's tumbling windows).")
    var stepDays: Int?

    @OptionGroup var teacher: TeacherOptions

    @Option(name: .long, help: "Windows trained at once (default: the number of cores).")
    var workers: Int?
    @Option(name: .long, help: "Highest acceptable failed/attempted rate before the batch counts as failed (default 0.15).")
    var maxFailureRate: Double?
    @Option(name: .long, help: "Attempts per window for transient failures (default 3).")
    var maxAttempts: Int?
    @Option(name: .long, help: "Resume this batch: rerun exactly the windows that did not succeed.")
    var resume: String?

    @Flag(name: .long, help: "Fetch what preflight finds missing (from --provider), then check again.")
    var autoFetch = false
    @OptionGroup var source: ProviderOptions

    @Flag(name: .long, help: "Train without checking the data first (data problems then surface per window).")
    var noPreflight = false
    @Flag(name: .long, help: "Stop after preflight when any window would be skipped.")
    var strictPreflight = false

    @Option(name: .long, help: "Progress and log lines: text or json.")
    var logFormat: LogFormat = .text

    @OptionGroup var data: DataDirOption

    @Option(name: .long, help: ArgumentHelp("Inject a fault: CLASS:WINDOW_LABEL[:ATTEMPTS] (testing).", visibility: .hidden))
    var injectFault: [String] = []
    @Option(name: .long, help: ArgumentHelp("Base delay in seconds between retries (default 0.5).", visibility: .hidden))
    var retryBaseDelay: Double = 0.5

    func validate() throws {
        if resume == nil {
            guard startDate != nil, endDate != nil else { throw ValidationError("--start-date and --end-date are required (or --resume BATCH_ID)") }
            guard !selection.isEmpty else { throw ValidationError("no symbols: pass --symbols A B C, --symbols-file FILE or --universe nifty100") }
            if let s = startDate, let e = endDate, s > e { throw ValidationError("--start-date \(s) is after --end-date \(e)") }
        }
        if autoFetch && noPreflight { throw ValidationError("--auto-fetch needs the preflight: drop --no-preflight") }
        if let w = workers, w < 1 { throw ValidationError("--workers must be at least 1") }
        if let w = windowDays, w < WindowPlanner.minimumWindowDays { throw ValidationError("--window-days must be at least \(WindowPlanner.minimumWindowDays)") }
        if let s = stepDays, s < 1 { throw ValidationError("--step-days must be at least 1") }
        if let r = maxFailureRate, !(0...1).contains(r) { throw ValidationError("--max-failure-rate must be between 0 and 1") }
        if let a = maxAttempts, a < 1 { throw ValidationError("--max-attempts must be at least 1") }
        for f in injectFault where FaultInjectingTraining.Fault(f) == nil {
            throw ValidationError("--inject-fault \(f): expected CLASS:WINDOW_LABEL[:ATTEMPTS]")
        }
        try teacher.validateValues()
    }

    func run() async throws {
        let started = Date()
        let root = data.root
        let ledger: Ledger
        let session: BatchSession
        var fetcher: Fetcher?
        let trainer: WindowTrainer
        do {
            // Everything that can be refused is checked before the ledger is touched, so a bad
            // flag, a missing library or an uncovered date leaves nothing behind.
            let calendar = try TradingCalendar.nse()
            if let s = startDate, let e = endDate { _ = try calendar.tradingDays(in: DayRange(s, e)) }
            trainer = try WindowTrainer()
            if let overrides = try? teacher.overrides() {
                do { _ = try TeacherParameters.resolve(overrides: overrides, library: trainer.library) }
                catch { throw ValidationError(String(describing: error)) }
            }
            if autoFetch { fetcher = try source.makeFetcher(root: root) }
            let mappings = try SymbolMappings.load(dataDir: root.url)
            if let id = resume {
                guard FileManager.default.fileExists(atPath: Ledger.url(in: root).path) else {
                    throw UsageError("no batch \(id): there is no ledger in \(root.url.path)", fix: "pass the --data-dir the batch ran with; sensequant status lists batches")
                }
                ledger = try openLedger(root)
                try checkResumeConflicts(ledger: ledger, batchId: id)
                session = try BatchSession.resume(root: root, ledger: ledger, calendar: calendar, mappings: mappings,
                                                  batchId: id, workers: effectiveWorkers)
            } else {
                ledger = try openLedger(root)
                session = try BatchSession.create(root: root, ledger: ledger, calendar: calendar, mappings: mappings,
                                                  symbols: selection.resolve(), universe: selection.universe,
                                                  parameters: try newParameters(), workers: effectiveWorkers)
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw failCleanly(error)
        }
        let out = BatchConsole(format: logFormat, logURL: session.batchDir.appendingPathComponent("train.log"))
        try? session.setLogPath(session.batchDir.appendingPathComponent("train.log").path)
        var driver = BatchDriver(session: session, trainer: trainer, out: out, workers: effectiveWorkers, preflight: !noPreflight,
                                 strictPreflight: strictPreflight, faults: injectFault.compactMap(FaultInjectingTraining.Fault.init),
                                 backoff: Backoff(base: retryBaseDelay), started: started)
        driver.autoFetch = fetcher
        let status = try await driver.run()
        throw ExitCode(StatusPolicy.exitCode(for: status))
    }

    var effectiveWorkers: Int { workers ?? ProcessInfo.processInfo.activeProcessorCount }

    func newParameters() throws -> BatchParameters {
        // The step's default is the window length, so both go through the initializer.
        var p = BatchParameters(startDate: startDate!, endDate: endDate!, windowDays: windowDays ?? 180, stepDays: stepDays)
        try applyOverrides(to: &p)
        p.preflight = !noPreflight
        return p
    }

    /// The flags given that override batch parameters (`--window-days`/`--step-days` aside).
    func applyOverrides(to p: inout BatchParameters) throws {
        if let s = startDate { p.startDate = s }
        if let e = endDate { p.endDate = e }
        try teacher.apply(to: &p)
        if let r = maxFailureRate { p.maxFailureRate = r }
        if let a = maxAttempts { p.maxAttempts = a }
    }

    /// `--resume` uses the recorded parameters; a flag that says otherwise is a usage error.
    func checkResumeConflicts(ledger: Ledger, batchId: String) throws {
        guard let batch = try ledger.batch(id: batchId) else { return }
        let recorded = try batch.decodedParameters()
        var asked = recorded
        if let w = windowDays { asked.windowDays = w }
        if let s = stepDays { asked.stepDays = s }
        try applyOverrides(to: &asked)
        var conflicts = ParameterDiff.describe(recorded: recorded, asked: asked)
        if !selection.isEmpty, try selection.resolve() != batch.decodedSymbols() {
            conflicts.append("the symbols differ from the batch's \(batch.decodedSymbols().count) recorded symbols")
        }
        guard conflicts.isEmpty else {
            throw ValidationError("--resume \(batchId) reruns with the batch's recorded parameters, but \(conflicts.joined(separator: "; ")). Drop those flags, or start a new batch without --resume.")
        }
    }
}

/// Human-readable differences between recorded and requested parameters.
enum ParameterDiff {
    static func describe(recorded: BatchParameters, asked: BatchParameters) -> [String] {
        let pairs: [(String, String, String)] = [
            ("--start-date", "\(recorded.startDate)", "\(asked.startDate)"),
            ("--end-date", "\(recorded.endDate)", "\(asked.endDate)"),
            ("--window-days", "\(recorded.windowDays)", "\(asked.windowDays)"),
            ("--step-days", "\(recorded.stepDays)", "\(asked.stepDays)"),
            ("--forecast-horizon", "\(recorded.forecastHorizon)", "\(asked.forecastHorizon)"),
            ("--threshold", "\(recorded.threshold)", "\(asked.threshold)"),
            ("--split", recorded.split, asked.split),
            ("warm-up (--no-warmup, --original-teacher)", onOff(recorded.warmup), onOff(asked.warmup)),
            ("label look-ahead (--no-label-lookahead, --original-teacher)", onOff(recorded.labelLookahead), onOff(asked.labelLookahead)),
            ("--param", "\(recorded.lightgbmOverrides.sorted { $0.key < $1.key })", "\(asked.lightgbmOverrides.sorted { $0.key < $1.key })"),
            ("--max-failure-rate", "\(recorded.maxFailureRate)", "\(asked.maxFailureRate)"),
            ("--max-attempts", "\(recorded.maxAttempts)", "\(asked.maxAttempts)"),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.2) conflicts with the recorded \($0.1)" }
    }

    static func onOff(_ b: Bool) -> String { b ? "on" : "off" }
}
