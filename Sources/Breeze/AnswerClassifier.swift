import Foundation

/// Turns an HTTP status, headers and body into candles, a session, or a typed `BreezeError`.
/// The HTTP status speaks first: only a 2xx answer is read as a Breeze envelope, in which Breeze
/// reports most failures (`Status`, `Error`). A 2xx body that is not an envelope (a proxy's HTML
/// page, a cut connection) is transient; "no data" needs an envelope that says so.
struct AnswerClassifier {
    let redactor: SecretRedactor

    struct HTTPAnswer {
        var status: Int
        var retryAfter: String?
        var body: Data
    }

    /// Candles, never an empty list: an answer without them throws.
    func candles(from answer: HTTPAnswer) throws -> [BreezeCandle] {
        let envelope = try envelope([BreezeCandle].self, answer)
        if let failure = bodyFailure(envelope, answer) { throw failure }
        switch envelope.success {
        case .value(let candles) where !candles.isEmpty:
            return candles
        case .value, .empty:
            if (envelope.error ?? "").allSatisfy(\.isWhitespace) { throw BreezeError.noData }
            throw BreezeError.invalidRequest("Status 200 without candles: \(serverMessage(envelope))")
        case .missing:
            throw BreezeError.transient("HTTP \(answer.status) answer has no Success: \(excerpt(answer))")
        case .unreadable(let why):
            throw BreezeError.malformedAnswer("\(BodyExcerpt.clean(redactor.scrub(why), limit: 160)); answer: \(excerpt(answer))")
        }
    }

    func session(from answer: HTTPAnswer) throws -> BreezeSession {
        let envelope = try envelope(CustomerDetails.self, answer)
        if case .value(let details) = envelope.success {
            guard let session = BreezeSession(base64Token: details.sessionToken) else {
                throw BreezeError.malformedAnswer("customerdetails session_token is not base64 of user_id:session_key")
            }
            return session
        }
        if let failure = bodyFailure(envelope, answer) { throw failure }
        throw BreezeError.malformedAnswer("customerdetails answered without a session (Status \(envelope.status))")
    }

    /// The envelope of a 2xx answer. Any other status, or a body that is no envelope, throws.
    private func envelope<Payload: Decodable>(_ payload: Payload.Type, _ answer: HTTPAnswer) throws -> BreezeEnvelope<Payload> {
        if let failure = httpFailure(answer) { throw failure }
        do {
            return try JSONDecoder().decode(BreezeEnvelope<Payload>.self, from: answer.body)
        } catch {
            throw BreezeError.transient("HTTP \(answer.status) body is not a Breeze answer: \(excerpt(answer))")
        }
    }

    /// The error an HTTP status stands for, whatever the body says; nil for 2xx.
    private func httpFailure(_ answer: HTTPAnswer) -> BreezeError? {
        let status = answer.status
        switch status {
        case 200..<300: return nil
        case 401, 403:
            return .auth(saysExpired(answer.body) ? .expiredSession : .sessionRejected, serverMessage: "HTTP \(status): \(excerpt(answer))")
        case 429: return .rateLimited(retryAfterSeconds: retryAfterSeconds(answer.retryAfter))
        case 408, 500..<600: return .transient("HTTP \(status): \(excerpt(answer))")
        default: return .invalidRequest("HTTP \(status): \(excerpt(answer))")
        }
    }

    /// The error a body `Status`/`Error` pair stands for, or nil for Status 200 without a known error.
    private func bodyFailure<Payload: Decodable>(_ envelope: BreezeEnvelope<Payload>, _ answer: HTTPAnswer) -> BreezeError? {
        let status = envelope.status, message = serverMessage(envelope)
        if let problem = Self.sessionMessages[message] { return .auth(problem, serverMessage: message) }
        if status == 5 { return .quota(serverMessage: message) }
        let lower = message.lowercased()
        // Before "limit exceed": "rate limit exceeded" is a rate limit, not the daily quota.
        if status == 429 || lower.contains("rate limit") || lower.contains("too many requests") {
            return .rateLimited(retryAfterSeconds: retryAfterSeconds(answer.retryAfter))
        }
        if lower.contains("limit exceed") { return .quota(serverMessage: message) }
        if lower.contains("no data found") { return .noData }
        switch status {
        case 200: return nil
        case 401, 403: return .auth(.sessionRejected, serverMessage: message)
        case 500...: return .transient("Status \(status): \(message)")
        default: return .invalidRequest("Status \(status): \(message)")
        }
    }

    /// What `customerdetails` says about a refused session (also honoured from `historicalcharts`).
    private static let sessionMessages: [String: BreezeAuthProblem] = [
        "Invalid session.": .invalidSession,
        "Public Key does not exist.": .unknownAppKey,
        "Resource not available.": .expiredSession,
    ]

    private func saysExpired(_ body: Data) -> Bool {
        let text = String(decoding: body.prefix(4096), as: UTF8.self).lowercased()
        return text.contains("expired") || text.contains("resource not available")
    }

    private func serverMessage<Payload: Decodable>(_ envelope: BreezeEnvelope<Payload>) -> String {
        BodyExcerpt.clean(redactor.scrub(envelope.error ?? ""), limit: 200)
    }

    private func excerpt(_ answer: HTTPAnswer) -> String {
        BodyExcerpt.of(answer.body, redactor: redactor)
    }

    /// Retry-After in seconds (the HTTP-date form is not used by Breeze and reads as unknown),
    /// at most a day so that no header can overflow a `Duration`.
    private func retryAfterSeconds(_ header: String?) -> Double? {
        guard let seconds = header.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), seconds.isFinite else { return nil }
        return min(max(0, seconds), 86_400)
    }
}
