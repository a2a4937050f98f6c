import Foundation

public enum BenchReport {
    public static func line(_ m: Measurement) -> String {
        var s = String(format: "%-75@ median %@  (%@..%@)  %@/%@", m.name as NSString, format(m.median), format(m.min), format(m.max),
                       format(m.perItem), m.itemName)
        if let rss = m.peakRSSBytes { s += String(format: "  peak RSS %.0f MiB", Double(rss) / 1_048_576) }
        return s
    }

    static func format(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.2f ms", seconds * 1e3) }
        return String(format: "%.1f µs", seconds * 1e6)
    }

    public static func markdown(_ suite: BenchSuite.Results, runs: Int) -> String {
        let results = suite.measurements
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        var md = """
        # Benchmarks

        Produced by `make bench` (release build, then `sensequant bench --output docs/benchmarks.md`)
        on \(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(Date().formatted(.iso8601)).
        Every figure: one warm-up run, then \(runs) timed runs; the median, with min..max.
        All data is synthetic and made by the benchmark itself.

        | what | median | min..max | per item | peak RSS | how |
        |---|---|---|---|---|---|

        """
        for m in results {
            let rss = m.peakRSSBytes.map { String(format: "%.0f MiB", Double($0) / 1_048_576) } ?? "-"
            md += "| \(m.name) | \(format(m.median)) | \(format(m.min))..\(format(m.max)) | \(format(m.perItem)) per \(m.itemName) | \(rss) | `\(m.command)` |\n"
        }
        md += heavyWindowSection(suite.heavyWindow)
        md += """

        ## The original, for comparison (REFERENCE.md §4, the seed report)

        | what | figure |
        |---|---|
        | 192 windows, sequential | 576 s (3.00 s per window), of which about 2.9 s per window was process start-up and CSV parsing |
        | 192 windows, 4 workers on a GPU machine | 173 s (0.90 s per window) |
        | LightGBM itself | about 0.2 s per window |
        | retries of a deterministic error | 16 windows x ~15 s |

        Targets (ARCHITECTURE.md, issues): cache load well under 1 s; one window well under 20 ms;
        the 192-window batch under 2 s wall with 2 workers; evaluate of the 192-window batch under
        1 s; predict for 100 symbols under 0.3 s; a backtest of 100 symbols x 2 years under 0.5 s.

        Elsewhere: the heaviest batch's memory (NIFTY 100 x 1 year of 1-minute bars) is in
        [benchmarks-memory.md](benchmarks-memory.md) (`make bench-memory`); workers on a shared
        PostgreSQL ledger in [benchmarks-distributed.md](benchmarks-distributed.md) (`make bench-distributed`).

        Durable writes (issue 11: data on the disk before the rename, the rename synced after)
        were measured against the figures before them (2026-11-29, same machine kind): fetch
        4.45 s (3.71..5.58 s), 192-window batch at 2 workers 0.91 s, one window 6.66 ms. The day
        files of one write share one `syncfs` instead of an `fsync` each.

        Note on fetch: the cache layout is one file per symbol and day (the original's), so 100
        symbols x 3 years is about 74,000 file creations. `perf` shows most of that time in the
        kernel allocating ext4 inodes, which slows down after many recent deletions (earlier runs,
        tests): the spread of this figure is the file system's, not the network code's.

        """
        return md
    }

    /// Issue 14's budget for the heavy window, the three timings side by side, and whether
    /// ours, the floor and Python trained alike.
    public static func heavyWindowSection(_ suite: BenchSuite.Results) -> String { heavyWindowSection(suite.heavyWindow) }

    static func heavyWindowSection(_ comparisons: [HeavyWindowComparison]) -> String {
        guard let first = comparisons.first else { return "" }
        var md = """

        ## Heavy window: LightGBM's own speed

        One 5-minute 180-day window of synthetic RELIANCE bars (2024-01-01..2024-06-29, \(first.rows.total) labelled rows:
        \(first.rows.train) train, \(first.rows.validation) validation, \(first.rows.purged) purged; label: 7 bars ahead
        above \(HeavyWindowBench.threshold)) with the seed's parameters (`num_leaves=255`, `num_iterations=1000`, on top
        of the teacher's defaults: `max_depth=5`, early stopping after 50 rounds on validation logloss, `deterministic`).
        **whole**: what a batch window does (features, labels, split, Datasets, training, the best iteration's
        probabilities, the model's text, metrics, `labels.csv.gz` made beside the training when a core is free for it,
        the four artifacts written durably).
        **floor**: LightGBM's own work on the same matrix: binning it into the two Datasets, then training (booster
        creation, one `UpdateOneIter` and one `GetEval` per iteration until early stopping); this is what
        `lightgbm.train` does with a matrix, and no caller of the library can skip it. **training alone**: the
        floor without the Datasets, for reference. **Python**: `lightgbm.train` (4.6.0, the same `lib_lightgbm.so`)
        with its early-stopping callback on the same rows, split and parameters (`scripts/bench_lightgbm_python.py`,
        run by the bench; its time includes building its lazy Datasets). Budget (issue 14): whole within 10% of the
        floor, and no slower than Python on the same work. Rounds run the three in turn: \(HeavyWindowBench.pairsPerRound)
        pairs of our window and the floor back to back (which goes first alternates), then Python (in a process of its
        own, timed after a warm-up call), so a drift of the machine's speed weighs on all alike. Times are medians;
        whole / floor is the median of the pairs' own ratios, and the ratios to Python the median of the rounds' (each
        round's pairs taken at their median).

        | LightGBM threads | whole | floor: Datasets + training | training alone | Python | whole / floor | within 10%? | whole / Python | floor / Python | iterations run (ours, floor, Python) | best iteration (ours, floor, Python) | same trees as Python |
        |---|---|---|---|---|---|---|---|---|---|---|---|

        """
        for c in comparisons {
            let python = c.python.map { format($0.median) } ?? "not run"
            let versusPython = c.wholeOverPython.map { String(format: "%.3f", $0) } ?? "-"
            let sameWork = c.floorOverPython.map { String(format: "%.3f", $0) } ?? "-"
            let iterations = "\(c.ours.iterationsRun), \(c.floorOutcome.iterationsRun), \(c.pythonOutcome.map { "\($0.iterationsRun)" } ?? "-")"
            let best = "\(c.ours.bestIteration), \(c.floorOutcome.bestIteration), \(c.pythonOutcome.map { "\($0.bestIteration)" } ?? "-")"
            let same = c.pythonOutcome.map { $0.treesSHA256 == c.ours.treesSHA256 ? "yes (SHA-256 of the trees)" : "**no**" } ?? "-"
            md += "| \(c.threads) | \(format(c.whole.median)) | \(format(c.floor.median)) | \(format(c.training.median)) | \(python) | "
                + String(format: "%.3f", c.wholeOverFloor) + " | \(c.meetsFloorBudget ? "yes" : "**no**") | \(versusPython) | \(sameWork) | "
                + "\(iterations) | \(best) | \(same) |\n"
        }
        md += "\n" + heavyWindowVerdict(comparisons) + "\n"
        return md
    }

    /// One sentence per thread count, from the numbers above it.
    static func heavyWindowVerdict(_ comparisons: [HeavyWindowComparison]) -> String {
        comparisons.map { c in
            let spread = HeavyWindowComparison.pairedRatioQuartiles(c.whole, c.floor)
            let floorPart = String(format: "whole / floor %.3f (budget %.2f): ", c.wholeOverFloor, HeavyWindowComparison.floorBudget)
                + (c.meetsFloorBudget ? "met" : "**not met**")
                + String(format: " (the middle half of the %d pairs' own ratios: %.3f-%.3f)", c.whole.samples.count, spread.lower, spread.upper)
            var pythonPart = "; Python not run"
            if let sameWork = c.floorOverPython, let whole = c.wholeOverPython {
                pythonPart = String(format: "; on the same work as `lightgbm.train` (our Datasets + training) / Python %.3f: ", sameWork)
                    + (sameWork <= 1 ? "met" : "**not met**")
                    + String(format: "; whole window / Python %.3f", whole)
            }
            return "- \(c.threads) LightGBM thread\(c.threads == 1 ? "" : "s"): \(floorPart)\(pythonPart)."
        }.joined(separator: "\n") + "\n\n" + heavyWindowSteps(comparisons) + """

        With one LightGBM thread a second core takes what can wait, one job after another: while LightGBM trains, it
        makes the staged window directory with its files, writes `labels.csv.gz` (about 3.1 MB of text, gzip by
        libdeflate), and works out the metrics of each best iteration kept; after training it writes `model.txt` and
        `feature_importance.csv` while the caller encodes `metadata.json`, and frees the booster. The probabilities of
        the training and validation rows are kept from LightGBM's own scores each time the best iteration moves
        (`LGBM_BoosterGetPredict`, inside the training step: the floor does not keep them). When
        LightGBM's threads take every core the side work is done in line instead (an OpenMP team that waits for a busy
        core slows many times over), and the whole window pays for it: that is why the batch plan leaves a core free
        for it (`LightGBMThreadPlan`: on 2 cores it plans 1 LightGBM thread).

        """
    }

    /// Where the whole window's time went, per thread count, beside the floor's two parts.
    static func heavyWindowSteps(_ comparisons: [HeavyWindowComparison]) -> String {
        guard let first = comparisons.first else { return "" }
        var md = "Where the whole window's time goes (each step's median over the same rounds; the floor's two parts beside ours):\n\n"
        md += "| step | " + comparisons.map { "\($0.threads) thread\($0.threads == 1 ? "" : "s"): ours | floor" }.joined(separator: " | ") + " |\n"
        md += "|---|" + String(repeating: "---|---|", count: comparisons.count) + "\n"
        for (i, step) in first.steps.enumerated() {
            md += "| \(step.step) |"
            for c in comparisons {
                md += " \(format(c.steps[i].seconds)) | \(c.steps[i].floorSeconds.map(format) ?? "") |"
            }
            md += "\n"
        }
        return md
    }
}
