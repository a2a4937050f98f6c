@testable import Breeze
import Foundation
import MarketData
import Testing

/// Property: whatever the status and body, the classifier returns candles (only for a 2xx
/// answer, never an empty list) or throws a `BreezeError` whose text is one clean line without
/// secrets. Seeded, so a failure names the iteration that reproduces it.
/// `SENSEQUANT_FUZZ_ITERATIONS` (default 3000) and `SENSEQUANT_FUZZ_SEED` run it longer or elsewhere (`make fuzz`).
@Suite("Breeze answer decoder fuzz")
struct AnswerFuzzTests {
    static let secret = "TOKEN-fuzz-s3cr3t"
    let classifier = AnswerClassifier(redactor: SecretRedactor(secrets: ["KEY-fuzz", secret]))

    static func setting(_ name: String, default value: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment[name].flatMap { UInt64($0) } ?? value
    }

    @Test func anyAnswerIsCandlesOrATypedError() {
        let iterations = Self.setting("SENSEQUANT_FUZZ_ITERATIONS", default: 3000)
        let seed = Self.setting("SENSEQUANT_FUZZ_SEED", default: 0xF0CC_ACC1)
        var generator = AnswerGenerator(seed: seed)
        var problems = 0
        for iteration in 0..<iterations where problems < 5 {
            let (answer, validCandles) = generator.next()
            if let problem = check(answer, validCandles: validCandles) {
                problems += 1
                Issue.record("seed \(seed) iteration \(iteration), HTTP \(answer.status), body \(BodyExcerpt.of(answer.body, redactor: .init(secrets: []), limit: 300)): \(problem)")
            }
        }
    }

    /// nil when the answer was read as the property demands, else what went wrong.
    private func check(_ answer: AnswerClassifier.HTTPAnswer, validCandles: Int?) -> String? {
        let isOK = (200..<300).contains(answer.status)
        do {
            let candles = try classifier.candles(from: answer)
            if candles.isEmpty { return "an empty candle list" }
            if !isOK { return "candles from a non-2xx answer" }
            if let validCandles, candles.count != validCandles { return "\(candles.count) candles, expected \(validCandles)" }
            if candles.contains(where: { ![$0.open, $0.high, $0.low, $0.close, $0.volume].allSatisfy(\.isFinite) }) { return "a non-finite number" }
        } catch let error as BreezeError {
            if isOK, let validCandles, validCandles > 0 { return "a valid answer refused: \(error)" }
            if isOK, validCandles == 0, error != .noData { return "an empty answer is not noData: \(error)" }
            if let problem = unclean(error.description) { return problem }
            if let wait = error.retryAfterSeconds, !(0...86_400).contains(wait) { return "Retry-After \(wait)" }
        } catch {
            return "not a BreezeError: \(error)"
        }
        do {
            _ = try classifier.session(from: answer)
        } catch let error as BreezeError {
            if let problem = unclean(error.description) { return "session: \(problem)" }
        } catch {
            return "session: not a BreezeError: \(error)"
        }
        return nil
    }

    private func unclean(_ text: String) -> String? {
        if text.contains(Self.secret) { return "a secret in \(text)" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return "a control character in the message" }
        if text.count > 600 { return "a \(text.count)-character message" }
        return nil
    }
}

/// Generates answers: random bytes, valid envelopes (plain, mutated, truncated), envelopes with
/// wrong types and extreme numbers, arbitrary JSON, under statuses biased towards 200.
struct AnswerGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    static let statuses = [200, 200, 200, 200, 201, 204, 0, 100, 302, 400, 401, 403, 404, 408, 429, 500, 503, 599, 600, -1]
    static let retryAfters: [String?] = [nil, nil, "1", "0.5", "-3", "inf", "nan", "1e400", "abc", "", "99999999999999"]
    static let atoms = ["0", "-0", "200", "5", "429", "401", "500", "1e300", "-1e300", "1e400", "200.5", "9223372036854775808",
                        "-9223372036854775809", "null", "true", "false", "[]", "{}", "\"\"", "\"200\"", "\"abc\"", "\"nan\"", "\"inf\"",
                        "\"No data found\"", "\"Limit exceed: API call per day: \"", "\"Rate limit exceeded\"", "\"Resource not available.\"",
                        "\"Invalid session.\"", "\"\(AnswerFuzzTests.secret)\"", "\"\\u0000\\u001b[2J\"", "\"2024-01-02 09:15:00\"", "\"2024-13-45 99:99:99\""]

    mutating func int(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    /// An answer, and the number of candles it must yield when it is a valid envelope.
    mutating func next() -> (AnswerClassifier.HTTPAnswer, Int?) {
        let status = int(10) == 0 ? Int(truncatingIfNeeded: rng.next()) : pick(Self.statuses)
        var valid: Int?
        let body: [UInt8]
        switch int(6) {
        case 0: body = (0..<int(200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1:
            let n = int(20)
            valid = n
            body = Array(envelope(candles: n).utf8)
        case 2: body = mutated(Array(envelope(candles: 1 + int(10)).utf8))
        case 3:
            let full = Array(envelope(candles: 1 + int(10)).utf8)
            body = Array(full.prefix(int(full.count)))
        case 4: body = Array(wrongEnvelope().utf8)
        default: body = Array(json(depth: 3).utf8)
        }
        return (.init(status: status, retryAfter: pick(Self.retryAfters), body: Data(body)), valid)
    }

    mutating func envelope(candles n: Int) -> String {
        let strings = int(2) == 0
        func number(_ x: Double) -> String { strings ? "\"\(x)\"" : "\(x)" }
        let list = (0..<n).map { i -> String in
            let p = 100 + Double(int(100_000)) / 100
            return "{\"close\":\(number(p)),\"datetime\":\"2024-01-\(10 + i % 18) 09:15:00\",\"exchange_code\":\"NSE\",\"high\":\(number(p + 1)),"
                + "\"low\":\(number(p - 1)),\"open\":\(number(p)),\"stock_code\":\"RELIND\",\"volume\":\(number(Double(int(1_000_000))))}"
        }
        return "{\"Success\":[\(list.joined(separator: ","))],\"Status\":200,\"Error\":null}"
    }

    /// A few byte flips, deletions, duplications and insertions of interesting tokens.
    mutating func mutated(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + int(4)) where !out.isEmpty {
            let at = int(out.count)
            switch int(4) {
            case 0: out[at] = UInt8(truncatingIfNeeded: rng.next())
            case 1: out.removeSubrange(at..<min(out.count, at + 1 + int(20)))
            case 2: out.insert(contentsOf: out[at..<min(out.count, at + 1 + int(40))], at: at)
            default: out.insert(contentsOf: Array(pick(Self.atoms + [",", ":", "]", "}", "\"", "{\"Status\":5}"]).utf8), at: at)
            }
        }
        return out
    }

    /// An envelope whose fields hold anything: wrong types, extreme numbers, candles of junk.
    mutating func wrongEnvelope() -> String {
        var fields: [String] = []
        if int(5) > 0 { fields.append("\"Status\":" + pick(Self.atoms)) }
        if int(2) == 0 { fields.append("\"Error\":" + pick(Self.atoms)) }
        if int(5) > 0 {
            let candle = "{" + ["datetime", "open", "high", "low", "close", "volume", "stock_code", "session_token"]
                .filter { _ in int(6) > 0 }.map { "\"\($0)\":\(pick(Self.atoms))" }.joined(separator: ",") + "}"
            fields.append("\"Success\":" + pick(["[\(candle)]", "[\(candle),\(candle)]", candle, pick(Self.atoms)]))
        }
        return "{" + rng.shuffled(fields).joined(separator: ",") + "}"
    }

    mutating func json(depth: Int) -> String {
        switch depth == 0 ? 0 : int(3) {
        case 0: return pick(Self.atoms)
        case 1: return "[" + (0..<int(4)).map { _ in json(depth: depth - 1) }.joined(separator: ",") + "]"
        default:
            let keys = ["Success", "Status", "Error", "message", "detail", "open", "datetime"]
            return "{" + (0..<int(4)).map { _ in "\"\(pick(keys))\":\(json(depth: depth - 1))" }.joined(separator: ",") + "}"
        }
    }
}
