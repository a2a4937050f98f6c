import ArgumentParser
import Batch
import Foundation
import MarketData
import Pipeline
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

    @Flag(name: .long, help: "Do not evaluate the batch out of sample when training ends.")
    var noEvaluate = false
    @OptionGroup var evaluation: EvaluationOptions

    @Option(name: .long, help: "Progress and log lines: text or json.")
    var logFormat: LogFormat = .text

    @OptionGroup var data: DataDirOption
    @OptionGroup var ledger: LedgerOption

    @Flag(name: .long, help: "Plan and preflight the batch without training it: `sensequant worker` processes (or --resume) train it.")
    var planOnly = false

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
        if planOnly && resume != nil { throw ValidationError("--plan-only plans a new batch: drop --resume (workers train a planned batch)") }
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
        let flow: TrainFlow
        do {
            flow = try TrainFlow.start(try request())
        } catch {
            throw failCleanly(error)
        }
        let console = BatchConsole(format: logFormat)
        let status = try await withSignalTrap(console) { try await flow.run(output: console, cancellation: $0) }
        if planOnly && status == .running { return }
        throw ExitCode(StatusPolicy.exitCode(for: status))
    }

    func request() throws -> TrainRequest {
        let flags = try parameterFlags()
        let workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let target: TrainRequest.Target
        if let id = resume {
            target = .resume(batchId: id, askedSymbols: selection.isEmpty ? nil : try selection.resolve())
        } else {
            // The step's default is the window length, so both go through the initializer.
            var p = BatchParameters(startDate: startDate!, endDate: endDate!, windowDays: windowDays ?? 180, stepDays: stepDays)
            try flags(&p)
            target = .new(symbols: try selection.resolve(), universe: selection.universe, parameters: p)
        }
        var request = TrainRequest(root: data.root, target: target, workers: workers, flags: flags)
        request.ledger = try ledger.choice()
        request.planOnly = planOnly
        request.strictPreflight = strictPreflight
        request.autoFetch = autoFetch ? source.settings : nil
        request.faults = injectFault.compactMap(FaultInjectingTraining.Fault.init)
        request.backoff = Backoff(base: retryBaseDelay)
        let choice = request.ledger
        if !noEvaluate {
            request.evaluation = { id in
                var flow = evaluation.flow(root: data.root, batchId: id)
                flow.ledger = choice
                return flow
            }
        }
        return request
    }

    /// The batch-parameter flags that were given, as one function (so a resume can tell a
    /// flag from a default and name each conflict).
    func parameterFlags() throws -> @Sendable (inout BatchParameters) throws -> Void {
        let (windowDays, stepDays, startDate, endDate) = (windowDays, stepDays, startDate, endDate)
        let (teacher, maxFailureRate, maxAttempts, noPreflight) = (teacher, maxFailureRate, maxAttempts, noPreflight)
        return { p in
            if let w = windowDays { p.windowDays = w }
            if let s = stepDays { p.stepDays = s }
            if let s = startDate { p.startDate = s }
            if let e = endDate { p.endDate = e }
            try teacher.apply(to: &p.teacherConfig)
            if let r = maxFailureRate { p.maxFailureRate = r }
            if let a = maxAttempts { p.maxAttempts = a }
            if noPreflight { p.preflight = false }
        }
    }
}
