import Foundation

extension WindowResult {
    /// The metrics as `metadata.json` holds them (flat `train_*`/`val_*`, nulls with reasons), sorted keys.
    public var metricsJSON: String {
        encodeSorted(MetricsJSON(metrics: metrics))
    }

    /// `{"purged": n, "total": n, "train": n, "validation": n}`.
    public var sampleCountsJSON: String {
        encodeSorted(["total": rows.total, "train": rows.train, "validation": rows.validation, "purged": rows.purged])
    }

    private func encodeSorted<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding numbers, strings and optionals into JSON cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}
