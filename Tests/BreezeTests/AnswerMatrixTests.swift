import Breeze
import BreezeSandbox
import MarketData
import Testing

/// The real client against a sandbox answering historicalcharts with every HTTP status × body kind.
@Suite("Breeze answers: HTTP status × body")
struct AnswerMatrixTests {
    static let statuses = [200, 401, 403, 404, 429, 500, 503]
    let january = days("2024-01-01", "2024-01-31")

    /// What each cell must be: the HTTP status first, then (for 2xx only) the body.
    static func expected(_ status: Int, _ body: AnswerFault.Body) -> (kind: String, failureClass: FailureClass) {
        switch (status, body) {
        case (401, .expiredSession), (403, .expiredSession): ("auth(expiredSession)", .auth)
        case (401, _), (403, _): ("auth(sessionRejected)", .auth)
        case (404, _): ("invalidRequest", .invalidInput)
        case (429, _): ("rateLimited", .transient)
        case (500..., _): ("transient", .transient)
        case (_, .envelopeError): ("invalidRequest", .invalidInput)
        case (_, .rateLimitText): ("rateLimited", .transient)
        case (_, .expiredSession): ("auth(expiredSession)", .auth)
        default: ("transient", .transient)  // json-no-status, html, empty, truncated-json, status500-in-200
        }
    }

    @Test(arguments: statuses, AnswerFault.Body.allCases)
    func everyCellIsATypedError(status: Int, body: AnswerFault.Body) async throws {
        let error = try await historicalError(fault: "answer:\(status):\(body.rawValue)")
        let expected = Self.expected(status, body)
        #expect(error.map(kind) == expected.kind)
        #expect(error?.failureClass == expected.failureClass)
        if status == 429 {
            #expect(error?.retryAfterSeconds == 3)
        } else if status != 200 {
            #expect(error?.description.contains("HTTP \(status): ") == true, "\(error.map(String.init(describing:)) ?? "")")
        }
    }

    @Test func unauthorizedWithoutStatusIsAuthNamingTheBody() async throws {
        let error = try await historicalError(fault: "answer:401:json-no-status")
        #expect(error == .auth(.sessionRejected, serverMessage: "HTTP 401: {\"message\":\"Unauthorized\"}"))
        #expect(error?.remedy?.description.contains("BREEZE_SESSION_TOKEN") == true)
    }

    @Test func notFoundIsAnInvalidRequestNamingHTTP404() async throws {
        let error = try await historicalError(fault: "answer:404:json-no-status")
        #expect(error == .invalidRequest("HTTP 404: {\"message\":\"Not Found\"}"))
    }

    @Test func unreadableOKBodiesAreTransientAndShowTheirFirstBytes() async throws {
        let empty = try await historicalError(fault: "answer:200:empty")
        #expect(empty == .transient("HTTP 200 body is not a Breeze answer: (empty body)"))
        let html = try await historicalError(fault: "answer:200:html")
        #expect(html == .transient("HTTP 200 body is not a Breeze answer: <!DOCTYPE html>\\n<html><head><title>200 OK</title></head><body><h1>OK</h1></body…"))
        let truncated = try await historicalError(fault: "answer:200:truncated-json")
        guard case .transient(let message)? = truncated else { Issue.record("\(String(describing: truncated))"); return }
        #expect(message.hasPrefix("HTTP 200 body is not a Breeze answer: {\"Success\":[{\"close\":"))
        #expect(message.hasSuffix("…"))
        #expect(message.count <= "HTTP 200 body is not a Breeze answer: ".count + 81)
    }

    @Test func breezeErrorsInsideHTTP200KeepTheirMeaning() async throws {
        #expect(try await historicalError(fault: "answer:200:status500-in-200") == .transient("Status 500: Internal Server Error"))
        #expect(try await historicalError(fault: "answer:200:envelope-error") == .invalidRequest("Status 400: Bad Request"))
        #expect(try await historicalError(fault: "answer:200:rate-limit-text") == .rateLimited(retryAfterSeconds: nil))
        #expect(try await historicalError(fault: "answer:200:expired-session") == .auth(.expiredSession, serverMessage: "Resource not available."))
    }

    @Test func aFaultBelowCertaintyLetsTheRetryThrough() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["answer:200:html:0.5"]) { $0.faultSeed = 3 }
        defer { Task { await sandbox.server.stop() } }
        let client = sandbox.client()
        var outcomes: [Bool] = []
        for _ in 0..<12 {
            do {
                _ = try await client.historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
                outcomes.append(true)
            } catch let error as BreezeError {
                #expect(error.failureClass == .transient)
                outcomes.append(false)
            }
        }
        #expect(outcomes.contains(true) && outcomes.contains(false))
    }

    private func historicalError(fault: String) async throws -> BreezeError? {
        let sandbox = try await SandboxHarness.start(faults: [fault]) { $0.retryAfterSeconds = 3 }
        defer { Task { await sandbox.server.stop() } }
        return await #expect(throws: BreezeError.self) {
            try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
    }
}

/// The case of a `BreezeError` without its message (and the problem, for auth).
func kind(_ error: BreezeError) -> String {
    switch error {
    case .missingCredentials: "missingCredentials"
    case .auth(let problem, _): "auth(\(problem))"
    case .quota: "quota"
    case .rateLimited: "rateLimited"
    case .transient: "transient"
    case .noData: "noData"
    case .invalidRequest: "invalidRequest"
    case .malformedAnswer: "malformedAnswer"
    }
}
