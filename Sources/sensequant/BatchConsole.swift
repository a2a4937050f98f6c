import ArgumentParser
import Batch
import Foundation
import Pipeline
import Synchronization

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Progress of a flow for a person or a machine: a live bar on a terminal, plain periodic
/// lines otherwise, JSON lines with `--log-format json`.
final class BatchConsole: FlowOutput {
    let format: LogFormat
    let live: Bool

    private struct Clock {
        var started = Date()
        var lastPlainLine = Date.distantPast
    }

    /// Also serializes the printing of lines from worker threads.
    private let clock = Mutex(Clock())

    init(format: LogFormat) {
        self.format = format
        self.live = format == .text && isatty(STDERR_FILENO) == 1
    }

    func say(_ text: String, event: String, fields: [String: any Sendable]) {
        clock.withLock { _ in
            clearLiveLine()
            if format == .json {
                var record: [String: Any] = fields
                record["event"] = event
                record["message"] = text
                record["time"] = Date().formatted(.iso8601)
                printJSON(record)
            } else {
                print(text)
            }
            fflush(nil)
        }
    }

    func progress(_ p: RunProgress) {
        clock.withLock { c in
            let elapsed = Date().timeIntervalSince(c.started)
            let rate = elapsed > 0 ? Double(p.done) / elapsed : 0
            let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
            let etaText = p.done < 3 && p.done < p.total ? "ETA -" : String(format: "ETA %.0fs", eta)
            let counts = "ok \(p.succeeded) skipped \(p.skipped) failed \(p.failed)"
            switch format {
            case .json:
                printJSON(["event": "window", "label": p.lastLabel, "status": p.lastStatus.rawValue,
                           "done": p.done, "total": p.total, "succeeded": p.succeeded,
                           "skipped": p.skipped, "failed": p.failed, "retries": p.retries])
                fflush(nil)
            case .text where live:
                let width = 30
                let filled = p.total == 0 ? width : width * p.done / p.total
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let line = String(format: "\r%@ %d/%d  %@  %.1f win/s  %@ ", bar, p.done, p.total, counts, rate, etaText)
                FileHandle.standardError.write(Data(line.utf8))
            case .text:
                if p.done == p.total || Date().timeIntervalSince(c.lastPlainLine) >= 2 {
                    c.lastPlainLine = Date()
                    print(String(format: "progress %d/%d  %@  %.1f win/s  %@", p.done, p.total, counts, rate, etaText))
                    fflush(nil)
                }
            }
        }
    }

    func trainingStarted() {
        clock.withLock { $0.started = Date() }
    }

    func finishLiveLine() {
        clock.withLock { _ in clearLiveLine() }
    }

    private func clearLiveLine() {
        if live { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    private func printJSON(_ record: [String: Any]) {
        if let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes]) {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
