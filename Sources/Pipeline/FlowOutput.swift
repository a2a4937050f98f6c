import Batch

/// Where a flow says what it is doing. The command line prints it (text or JSON lines); tests
/// collect it. Called from worker threads during training.
public protocol FlowOutput: Sendable {
    /// A line for the person, with a machine-readable event name and fields.
    func say(_ text: String, event: String, fields: [String: any Sendable])
    /// Training begins: rates and ETAs count from here.
    func trainingStarted()
    /// A window finished.
    func progress(_ progress: RunProgress)
    /// Ends a redrawn progress line before other output.
    func finishLiveLine()
}

extension FlowOutput {
    public func say(_ text: String) { say(text, event: "info", fields: [:]) }
    public func say(_ text: String, event: String) { say(text, event: event, fields: [:]) }
}
