import Foundation
@testable import Evaluation

/// A market of i.i.d. normal daily returns. Each row's forward return is the sum of the next
/// `horizon` daily returns (so consecutive labels overlap), its label is forward return > 0.02,
/// and the last `horizon` dates have neither yet.
struct ScoredMarket {
    static let symbolCount = 96
    static let dateCount = 500
    static let horizon = 7
    static let dailyVolatility = 0.01
    static let labelThreshold = 0.02

    /// How the model's probability is made from (row's forward return, generator).
    enum Model {
        /// Persistent noise: an AR(1) score per symbol (phi 0.9), logistic-squashed. It knows
        /// nothing of the future but, like a real model's output, drifts slowly, which is
        /// what makes overlapping labels inflate the plain t-statistic.
        case noEdge
        /// logistic(a * (z + noise * e)): z the standardised forward return, e fresh noise.
        case plantedEdge(a: Double, noise: Double)
    }

    static func rows(model: Model, seed: UInt64) -> [ScoredRow] {
        var rng = SeededGenerator(seed: seed)
        let dates = (0..<dateCount).map { dateKey($0) }
        let forwardSD = dailyVolatility * Double(horizon).squareRoot()
        var rows: [ScoredRow] = []
        for s in 0..<symbolCount {
            let symbol = String(format: "SYM%02d", s)
            let daily = (0..<dateCount).map { _ in dailyVolatility * rng.normal() }
            var score = rng.normal()
            for t in 0..<dateCount {
                let forward: Double? = t + horizon < dateCount ? daily[(t + 1)...(t + horizon)].reduce(0, +) : nil
                let probability: Double
                switch model {
                case .noEdge:
                    score = 0.9 * score + (1 - 0.81).squareRoot() * rng.normal()
                    probability = logistic(score)
                case let .plantedEdge(a, noise):
                    probability = logistic(a * ((forward ?? 0) / forwardSD + noise * rng.normal()))
                }
                rows.append(ScoredRow(date: dates[t], symbol: symbol, probability: probability,
                                      label: forward.map { $0 > labelThreshold ? 1 : 0 }, forwardReturn: forward))
            }
        }
        return rows
    }

    static func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// Consecutive calendar days from 2020-01-01 as ISO keys.
    static func dateKey(_ offset: Int) -> DateKey {
        let day = Date(timeIntervalSince1970: 1_577_836_800 + Double(offset) * 86_400)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: day)
    }
}
