import Batch
import MarketData

/// `--interval` on the commands that read a trained batch: the batch was trained on one
/// interval, and a request for another is a usage error naming both.
enum BatchInterval {
    static func check(_ batch: BatchRecord, asked: Interval?) throws {
        guard let asked else { return }
        let trained = try batch.decodedParameters().interval
        guard trained == asked else {
            throw RequestError.usage("batch \(batch.id) was trained on \(trained.rawValue) bars, not \(asked.rawValue)",
                                     fix: "drop --interval, or pass --interval \(trained.rawValue)")
        }
    }

    static func matches(_ batch: BatchRecord, _ asked: Interval?) -> Bool {
        asked == nil || (try? batch.decodedParameters().interval) == asked
    }
}
