/// `answer:STATUS:BODYKIND[:P]`: with probability P (default 1), a historical request is answered
/// with HTTP STATUS and a body of one kind, so that clients meet answers that are not candles.
public struct AnswerFault: Sendable, Equatable {
    public enum Body: String, Sendable, CaseIterable {
        /// `{"Success":null,"Status":STATUS,"Error":...}`; Status 400 when STATUS is 2xx.
        case envelopeError = "envelope-error"
        /// `{"message":"Unauthorized"}` (the reason phrase of STATUS), as gateways answer.
        case jsonNoStatus = "json-no-status"
        case html
        case empty
        /// The first half of the answer the sandbox would have sent.
        case truncatedJSON = "truncated-json"
        /// `{"Success":null,"Status":500,...}`.
        case status500In200 = "status500-in-200"
        /// An envelope whose Status is 200 and whose Error says "Rate limit exceeded".
        case rateLimitText = "rate-limit-text"
        /// `customerdetails`' expired-session error, "Resource not available.".
        case expiredSession = "expired-session"
    }

    public var httpStatus: Int
    public var body: Body
    public var probability: Double

    public init(httpStatus: Int, body: Body, probability: Double = 1) {
        self.httpStatus = httpStatus
        self.body = body
        self.probability = probability
    }

    /// Parses `STATUS:BODYKIND[:P]`, the value of an `answer:` fault.
    static func parse(_ value: String) throws -> AnswerFault {
        let spec = "answer:" + value
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count) else { throw SandboxError.badFault(spec, "expected answer:STATUS:BODYKIND[:PROBABILITY]") }
        guard let status = Int(parts[0]), (200...599).contains(status) else { throw SandboxError.badFault(spec, "expected an HTTP status in 200...599") }
        guard let body = Body(rawValue: parts[1]) else {
            throw SandboxError.badFault(spec, "unknown body kind \(parts[1]) (\(Body.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard parts.count == 3 else { return AnswerFault(httpStatus: status, body: body) }
        guard let p = Double(parts[2]), (0...1).contains(p) else { throw SandboxError.badFault(spec, "expected a probability in 0...1") }
        return AnswerFault(httpStatus: status, body: body, probability: p)
    }

    /// The faulty answer; `wouldSend` is the answer without the fault (`truncated-json` cuts it).
    func answer(wouldSend: () -> SandboxAnswer, retryAfter: String) -> SandboxAnswer {
        var answer = SandboxAnswer(httpStatus: httpStatus, body: text(wouldSend), contentType: body == .html ? "text/html" : "application/json")
        if httpStatus == 429 { answer.retryAfter = retryAfter }
        return answer
    }

    private func text(_ wouldSend: () -> SandboxAnswer) -> String {
        let reason = Self.reasonPhrase(httpStatus)
        switch body {
        case .envelopeError:
            let status = (200..<300).contains(httpStatus) ? 400 : httpStatus
            return SandboxAnswers.failure(status: status, Self.reasonPhrase(status))
        case .jsonNoStatus: return "{\"message\":\(SandboxAnswers.jsonString(reason))}"
        case .html: return "<!DOCTYPE html>\n<html><head><title>\(httpStatus) \(reason)</title></head><body><h1>\(reason)</h1></body></html>\n"
        case .empty: return ""
        case .truncatedJSON:
            let full = Array(wouldSend().body.utf8)
            return String(decoding: full.prefix(max(1, full.count / 2)), as: UTF8.self)
        case .status500In200: return SandboxAnswers.failure(status: 500, "Internal Server Error")
        case .rateLimitText: return SandboxAnswers.failure(status: 200, "Rate limit exceeded: too many requests")
        case .expiredSession: return SandboxAnswers.failure(status: 500, "Resource not available.")
        }
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
