import ArgumentParser
import Batch
import Foundation

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Progress of a batch for a person or a machine: a live bar on a terminal, plain periodic
/// lines otherwise, JSON lines with `--log-format json`. Also appends to the batch's log file.
final class BatchConsole: @unchecked Sendable {
    let format: LogFormat
    let live: Bool
    private(set) var started = Date()
    private let lock = NSLock()
    private var lastPlainLine = Date.distantPast
    private var log: FileHandle?

    init(format: LogFormat, logURL: URL?) {
        self.format = format
        self.live = format == .text && isatty(STDERR_FILENO) == 1
        if let logURL {
            FileManager.default.createFile(atPath: logURL.path, contents: nil)
            log = try? FileHandle(forWritingTo: logURL)
            log?.seekToEndOfFile()
        }
    }

    /// A line for the person (stdout) and the log.
    func say(_ text: String, event: String = "info", fields: [String: Any] = [:]) {
        lock.lock(); defer { lock.unlock() }
        clearLiveLine()
        if format == .json {
            var record = fields
            record["event"] = event
            record["message"] = text
            record["time"] = Date().formatted(.iso8601)
            if let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes]) {
                print(String(decoding: data, as: UTF8.self))
            }
        } else {
            print(text)
        }
        fflush(stdout)
        writeLog(text)
    }

    func update(_ p: RunProgress) {
        lock.lock(); defer { lock.unlock() }
        writeLog("\(p.lastLabel): \(p.lastStatus.rawValue) [\(p.done)/\(p.total)]")
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(p.done) / elapsed : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let etaText = p.done < 3 && p.done < p.total ? "ETA -" : String(format: "ETA %.0fs", eta)
        let counts = "ok \(p.succeeded) skipped \(p.skipped) failed \(p.failed)"
        switch format {
        case .json:
            let record: [String: Any] = ["event": "window", "label": p.lastLabel, "status": p.lastStatus.rawValue,
                                         "done": p.done, "total": p.total, "succeeded": p.succeeded,
                                         "skipped": p.skipped, "failed": p.failed, "retries": p.retries]
            if let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) {
                print(String(decoding: data, as: UTF8.self))
                fflush(stdout)
            }
        case .text where live:
            let width = 30
            let filled = p.total == 0 ? width : width * p.done / p.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = String(format: "\r%@ %d/%d  %@  %.1f win/s  %@ ", bar, p.done, p.total, counts, rate, etaText)
            FileHandle.standardError.write(Data(line.utf8))
        case .text:
            if p.done == p.total || Date().timeIntervalSince(lastPlainLine) >= 2 {
                lastPlainLine = Date()
                print(String(format: "progress %d/%d  %@  %.1f win/s  %@", p.done, p.total, counts, rate, etaText))
                fflush(stdout)
            }
        }
    }

    /// Rates and ETA count from here (not from loading and preflight).
    func trainingStarted() {
        lock.lock(); started = Date(); lock.unlock()
    }

    func finishLiveLine() {
        lock.lock(); defer { lock.unlock() }
        clearLiveLine()
    }

    private func clearLiveLine() {
        if live { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    private func writeLog(_ text: String) {
        let stamp = Date().formatted(.iso8601)
        log?.write(Data("\(stamp) \(text)\n".utf8))
    }
}
