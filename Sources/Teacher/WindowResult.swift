import Foundation
import LightGBM
import MarketData
import SystemIO

public struct RowCounts: Equatable, Sendable {
    /// Labelled rows of the window (train + validation + purged).
    public let total: Int
    public let train: Int
    public let validation: Int
    public let purged: Int
}

public struct LabelDistribution: Equatable, Sendable {
    public let negative: Int
    public let positive: Int

    init(_ labels: [Double]) {
        positive = labels.filter { $0 == 1 }.count
        negative = labels.count - positive
    }
}

public struct WindowMetrics: Equatable, Sendable {
    public let train: ClassificationMetrics
    public let validation: ClassificationMetrics
    /// Iterations in the saved model (see `TrainingOutcome.bestIteration`).
    public let bestIteration: Int
    public let iterationsRun: Int
    public let stoppedEarly: Bool
}

/// What one successfully trained window produced.
public struct WindowResult: Sendable {
    public let symbol: String
    public let window: DayRange
    /// `SYMBOL_YYYY-MM-DD_to_YYYY-MM-DD`.
    public let label: String
    /// The window directory holding model.txt, labels.csv.gz, feature_importance.csv, metadata.json.
    public let artifactsDirectory: URL
    public let rows: RowCounts
    public let labelDistribution: LabelDistribution
    public let metrics: WindowMetrics
    /// The LightGBM parameters the model was trained with.
    public let parameters: LightGBMParameters
    public let split: SplitMode
    public let lightGBMVersion: String
    /// SHA-256 of the input bars (see `BarFingerprint`).
    public let dataSHA256: String
    /// Where the training call's time went.
    public internal(set) var steps = WindowSteps()
}

/// The artifact directory name of a window, as the original named it.
public enum WindowLabel {
    public static func make(symbol: String, window: DayRange) -> String {
        "\(symbol)_\(window.first)_to_\(window.last)"
    }
}

/// A checksum of bars that does not depend on any text format: per bar, the timestamp as
/// little-endian Int64, then open, high, low, close, volume as little-endian IEEE-754 doubles.
public enum BarFingerprint {
    public static let encodingDescription = "per bar: int64 LE epoch seconds, then float64 LE open, high, low, close, volume"

    public static func sha256(_ bars: BarSeries) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(bars.count * 48)
        func append(_ value: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        for i in 0..<bars.count {
            append(UInt64(bitPattern: bars.timestamps[i]))
            for column in [bars.open, bars.high, bars.low, bars.close, bars.volume] {
                append(column[i].bitPattern)
            }
        }
        return SHA256.hex(bytes)
    }
}
