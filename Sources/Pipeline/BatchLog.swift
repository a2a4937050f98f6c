import Batch
import Foundation
import Synchronization

/// A batch's `train.log`: every line a flow says, and every finished window, with a timestamp.
/// Wraps the caller's output so the log holds what the person saw.
final class BatchLog: FlowOutput {
    private let base: FlowOutput
    private let handle: Mutex<FileHandle?>

    init(url: URL, forwardingTo base: FlowOutput) {
        self.base = base
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let h = try? FileHandle(forWritingTo: url)
        h?.seekToEndOfFile()
        handle = Mutex(h)
    }

    func say(_ text: String, event: String, fields: [String: any Sendable]) {
        base.say(text, event: event, fields: fields)
        write(text)
    }

    func progress(_ p: RunProgress) {
        write("\(p.lastLabel): \(p.lastStatus.rawValue) [\(p.done)/\(p.total)]")
        base.progress(p)
    }

    func trainingStarted() { base.trainingStarted() }
    func finishLiveLine() { base.finishLiveLine() }

    private func write(_ text: String) {
        let line = Data("\(Date().formatted(.iso8601)) \(text)\n".utf8)
        handle.withLock { $0?.write(line) }
    }
}
