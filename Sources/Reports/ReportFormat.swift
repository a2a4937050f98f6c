/// The three renderings of a batch report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, html, json

    /// The file name `ReportWriter.writeAll` gives this format in the batch directory.
    public var fileName: String {
        switch self {
        case .markdown: "report.md"
        case .html: "report.html"
        case .json: "report.json"
        }
    }

    public func render(_ model: ReportModel) throws -> String {
        switch self {
        case .markdown: MarkdownRenderer.render(model)
        case .html: HTMLRenderer.render(model)
        case .json: try JSONRenderer.render(model)
        }
    }
}
