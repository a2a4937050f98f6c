@testable import Breeze
import Foundation
import MarketData
import Testing

/// The classifier alone, for what the sandbox does not send.
@Suite("Breeze answer classifier")
struct AnswerClassifierTests {
    let classifier = AnswerClassifier(redactor: SecretRedactor(secrets: ["KEY-s3cr3t", "TOKEN-s3cr3t-9Z4"]))

    func candles(_ body: String, status: Int = 200, retryAfter: String? = nil) throws -> [BreezeCandle] {
        try classifier.candles(from: .init(status: status, retryAfter: retryAfter, body: Data(body.utf8)))
    }

    func error(_ body: String, status: Int = 200, retryAfter: String? = nil) -> BreezeError? {
        #expect(throws: BreezeError.self) { try candles(body, status: status, retryAfter: retryAfter) }
    }

    @Test func onlyAnEmptySuccessWithStatus200OrNoDataFoundIsNoData() {
        for body in [#"{"Success":[],"Status":200,"Error":null}"#, #"{"Success":null,"Status":200}"#, #"{"Success":"","Status":"200","Error":""}"#,
                     #"{"Success":null,"Status":500,"Error":"No Data Found"}"#] {
            #expect(error(body) == .noData, "\(body)")
        }
        #expect(error(#"{"Status":200,"Error":null}"#)?.failureClass == .transient)
        #expect(error(#"{"Success":[],"Error":null}"#)?.failureClass == .transient)
        #expect(error(#"{"Success":[],"Status":200,"Error":"Stock not tradable"}"#) == .invalidRequest("Status 200 without candles: Stock not tradable"))
    }

    @Test func bodyStatusesKeepTheirMeaning() {
        #expect(error(#"{"Success":null,"Status":5,"Error":"Limit exceed: API call per day: "}"#) == .quota(serverMessage: "Limit exceed: API call per day: "))
        #expect(error(#"{"Success":null,"Status":500,"Error":"Rate limit exceeded"}"#, retryAfter: "2") == .rateLimited(retryAfterSeconds: 2))
        #expect(error(#"{"Success":null,"Status":500,"Error":"Invalid session."}"#) == .auth(.invalidSession, serverMessage: "Invalid session."))
        #expect(error(#"{"Success":null,"Status":401,"Error":"Session key expired"}"#)?.failureClass == .auth)
        #expect(error(#"{"Success":null,"Status":502,"Error":"upstream"}"#) == .transient("Status 502: upstream"))
    }

    @Test func theHTTPStatusSpeaksBeforeTheBody() throws {
        let candle = #"{"Success":[{"datetime":"2024-01-02 00:00:00","open":1,"high":2,"low":0.5,"close":1.5}],"Status":200,"Error":null}"#
        #expect(error(candle, status: 401) == .auth(.sessionRejected, serverMessage: "HTTP 401: \(candle.prefix(80))…"))
        #expect(error("Session expired, log in again", status: 403) == .auth(.expiredSession, serverMessage: "HTTP 403: Session expired, log in again"))
        #expect(error("", status: 408) == .transient("HTTP 408: (empty body)"))
        #expect(error("moved", status: 301) == .invalidRequest("HTTP 301: moved"))
        #expect(try candles(candle, status: 203).count == 1)
    }

    @Test func excerptsEscapeControlCharactersAndScrubSecrets() {
        let body = "\u{1B}[31mdenied\u{7}\r\n" + String(repeating: "x", count: 50) + "TOKEN-s3cr3t-9Z4 and more"
        guard case .transient(let message)? = error(body) else { Issue.record("not transient"); return }
        #expect(message == #"HTTP 200 body is not a Breeze answer: \u{1B}[31mdenied\u{7}\r\n"# + String(repeating: "x", count: 50) + "<reda…")
        #expect(!message.contains("s3cr3t"))
        #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func unusableNumbersAreErrorsNotTraps() {
        #expect(error(#"{"Success":[],"Status":1e300}"#)?.failureClass == .transient)
        #expect(error(#"{"Success":[],"Status":99999999999999999999999}"#)?.failureClass == .transient)
        #expect(error(#"{"Success":[],"Status":"nan"}"#)?.failureClass == .transient)
        let nanPrice = #"{"Success":[{"datetime":"2024-01-02 00:00:00","open":"nan","high":2,"low":0.5,"close":1.5}],"Status":200,"Error":null}"#
        guard case .malformedAnswer(let why)? = error(nanPrice) else { Issue.record("not malformed"); return }
        #expect(why.hasPrefix("Success[0].open: not a number: nan; answer: "))
        #expect(error("{}", status: 429, retryAfter: "inf") == .rateLimited(retryAfterSeconds: nil))
        #expect(error("{}", status: 429, retryAfter: "1e12") == .rateLimited(retryAfterSeconds: 86_400))
    }
}
