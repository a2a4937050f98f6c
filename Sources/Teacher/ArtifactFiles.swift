import Foundation
import MarketData
import SystemIO

/// The contents of a window's artifact files (REFERENCE.md §3), as bytes; no I/O here.
enum ArtifactFiles {
    static let labelsHeader = (["ts", "symbol", "open", "high", "low", "close", "volume"] + FeatureSet.names + ["label", "forward_return"])
        .joined(separator: ",")

    /// libdeflate's fastest level: on a 5-minute window's 3.1 MB of digits about 20 ms and
    /// 1.26 MB, where zlib's level 1 took 37-52 ms for 1.34 MB and libdeflate's level 6 93 ms for 1.13 MB.
    static let labelsGzipLevel: Int32 = 1

    /// `labels.csv` (before gzip): every labelled row of the window, oldest first.
    static func labelsCSV(_ window: PreparedWindow, symbol: String) -> [UInt8] {
        var out = ByteText(capacity: window.rowCount * 360)
        out.write(labelsHeader + "\n")
        let bars = window.bars
        let comma = UInt8(ascii: ","), symbolField = ",\(symbol),"
        let priceColumns = [bars.open, bars.high, bars.low, bars.close]
        for (row, t) in window.rowBars.enumerated() {
            out.write(IST.format(bars.timestamps[t]))
            out.write(symbolField)
            for prices in priceColumns {
                out.write(prices[t])
                out.write(byte: comma)
            }
            out.write(BarCSV.formatVolume(bars.volume[t]))
            for value in window.features.row(row) {
                out.write(byte: comma)
                out.write(value)
            }
            out.write(byte: comma)
            out.write(Int(window.labels[row]))
            out.write(byte: comma)
            out.write(window.forwardReturns[row])
            out.write(byte: UInt8(ascii: "\n"))
        }
        return out.bytes
    }

    /// `feature_importance.csv`: features by split count, most used first (ties keep column
    /// order), rank 1 = most important.
    static func featureImportanceCSV(splitCounts: [Double]) -> [UInt8] {
        let order = splitCounts.indices.sorted { a, b in
            splitCounts[a] != splitCounts[b] ? splitCounts[a] > splitCounts[b] : a < b
        }
        var out = "feature,importance,rank\n"
        for (rank, i) in order.enumerated() {
            out += "\(FeatureSet.names[i]),\(Int(splitCounts[i])),\(rank + 1)\n"
        }
        return Array(out.utf8)
    }

    static let labelsFileName = "labels.csv.gz"
    static let modelFileName = "model.txt"
    static let importanceFileName = "feature_importance.csv"
    static let metadataFileName = "metadata.json"

    /// Makes the window's staged directory with the files written after training already in it,
    /// empty: on ext4 here creating a file took 0.1-0.2 ms and filling an empty one with 17 KB
    /// 0.02 ms, so the creations are done on the spare core while LightGBM trains.
    static func makeStagedDirectory(_ staged: AtomicFile.StagedDirectory) throws {
        try staged.make()
        for name in [modelFileName, importanceFileName, metadataFileName] {
            try PosixFile.write([], to: staged.url.appendingPathComponent(name).path)
        }
    }

    /// `labels.csv.gz` into the window's staged directory, on the disk when this returns (it is
    /// written beside the training, so the commit's sync has little left to flush).
    static func writeLabels(_ labelsGzip: [UInt8], into staged: AtomicFile.StagedDirectory) throws {
        try PosixFile.write(labelsGzip, to: staged.url.appendingPathComponent(labelsFileName).path, sync: true)
    }

    /// `model.txt` and `feature_importance.csv` into the empty files `makeStagedDirectory` made.
    static func writeModel(_ text: String, importance: [UInt8], into staged: AtomicFile.StagedDirectory) throws {
        try PosixFile.write(Array(text.utf8), to: staged.url.appendingPathComponent(modelFileName).path)
        try PosixFile.write(importance, to: staged.url.appendingPathComponent(importanceFileName).path)
    }

    /// `metadata.json`, the last file, into its empty file in the staged directory (which holds
    /// the other three), then commits it, so readers see all four files or none.
    static func writeMetadataAndCommit(_ metadata: [UInt8], into staged: AtomicFile.StagedDirectory) throws {
        try PosixFile.write(metadata, to: staged.url.appendingPathComponent(metadataFileName).path)
        try staged.commit()
    }
}
