import Foundation

/// Reads numbers out of a window's `metrics` JSON without trusting its shape: a missing key,
/// `null`, a string, a boolean, a bare `NaN` (what Python writes for an undefined AUC) or
/// unparseable JSON all read as "no value".
enum TeacherMetrics {
    static let validationAUCKey = "val_auc"

    static func number(_ key: String, in metricsJSON: String?) -> Double? {
        guard let text = metricsJSON else { return nil }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        guard let object = try? decoder.decode(LooseObject.self, from: Data(text.utf8)),
              let value = object.numbers[key] else { return nil }
        return value.isFinite ? value : nil
    }

    /// The numeric members of a JSON object; members of any other type are dropped.
    private struct LooseObject: Decodable {
        var numbers: [String: Double] = [:]

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in container.allKeys {
                if let value = try? container.decode(Double.self, forKey: key) { numbers[key.stringValue] = value }
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
