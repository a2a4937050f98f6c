import Foundation

/// Turns an HTTP status, headers and body into candles, a session, or a typed `BreezeError`.
/// Breeze reports most failures in the body (`Status`, `Error`) with HTTP 200.
struct AnswerClassifier {
    let redactor: SecretRedactor

    struct HTTPAnswer {
        var status: Int
        var retryAfter: String?
        var body: Data
    }

    func candles(from answer: HTTPAnswer) throws -> [BreezeCandle] {
        try rejectTransportFailures(answer)
        let envelope: BreezeEnvelope<[BreezeCandle]>
        do {
            envelope = try JSONDecoder().decode(BreezeEnvelope<[BreezeCandle]>.self, from: answer.body)
        } catch {
            throw undecodable(answer, error)
        }
        let message = redactor.scrub(envelope.error ?? "")
        if let failure = bodyFailure(status: envelope.status, message: message, answer: answer) { throw failure }
        guard let candles = envelope.success, !candles.isEmpty else { throw BreezeError.noData }
        return candles
    }

    func session(from answer: HTTPAnswer) throws -> BreezeSession {
        try rejectTransportFailures(answer)
        let envelope: BreezeEnvelope<CustomerDetails>
        do {
            envelope = try JSONDecoder().decode(BreezeEnvelope<CustomerDetails>.self, from: answer.body)
        } catch {
            throw undecodable(answer, error)
        }
        if let details = envelope.success {
            guard let session = BreezeSession(base64Token: details.sessionToken) else {
                throw BreezeError.malformedAnswer("customerdetails session_token is not base64 of user_id:session_key")
            }
            return session
        }
        let message = redactor.scrub(envelope.error ?? "")
        switch message {
        case "Invalid session.": throw BreezeError.auth(.invalidSession, serverMessage: message)
        case "Public Key does not exist.": throw BreezeError.auth(.unknownAppKey, serverMessage: message)
        case "Resource not available.": throw BreezeError.auth(.expiredSession, serverMessage: message)
        default:
            if let failure = bodyFailure(status: envelope.status, message: message, answer: answer) { throw failure }
            throw BreezeError.malformedAnswer("customerdetails answered without a session (Status \(envelope.status.map(String.init) ?? "none"))")
        }
    }

    private func rejectTransportFailures(_ answer: HTTPAnswer) throws {
        if answer.status == 429 { throw BreezeError.rateLimited(retryAfterSeconds: retryAfterSeconds(answer.retryAfter)) }
        if answer.status >= 500 { throw BreezeError.transient("HTTP \(answer.status)") }
    }

    private func undecodable(_ answer: HTTPAnswer, _ error: Error) -> BreezeError {
        switch answer.status {
        case 401, 403: .auth(.sessionRejected, serverMessage: "HTTP \(answer.status)")
        case 400..<500: .invalidRequest("HTTP \(answer.status)")
        default: .malformedAnswer("HTTP \(answer.status), body is not a Breeze JSON answer")
        }
    }

    /// The error a body `Status`/`Error` pair stands for, or nil for a successful answer.
    private func bodyFailure(status: Int?, message: String, answer: HTTPAnswer) -> BreezeError? {
        let lower = message.lowercased()
        if status == 5 || lower.contains("limit exceed") { return .quota(serverMessage: message) }
        if status == 429 || lower.contains("rate limit") || lower.contains("too many requests") {
            return .rateLimited(retryAfterSeconds: retryAfterSeconds(answer.retryAfter))
        }
        if lower.contains("no data found") { return .noData }
        switch status {
        case nil, 200: return nil
        case 401, 403: return .auth(.sessionRejected, serverMessage: message)
        case let s? where s >= 500: return .transient("Status \(s): \(message)")
        case let s?: return .invalidRequest("Status \(s): \(message)")
        }
    }

    /// Retry-After in seconds (the HTTP-date form is not used by Breeze and reads as unknown).
    private func retryAfterSeconds(_ header: String?) -> Double? {
        header.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }.map { max(0, $0) }
    }
}
