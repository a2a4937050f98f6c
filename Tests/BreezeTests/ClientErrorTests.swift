import Breeze
import BreezeSandbox
import Foundation
import MarketData
import Testing

@Suite("Breeze client errors")
struct ClientErrorTests {
    let january = days("2024-01-01", "2024-01-31")

    @Test func unknownAppKeySaysWhatToDo() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) { try await sandbox.client(apiKey: "not-registered").connect() }
        #expect(error == .auth(.unknownAppKey, serverMessage: "Public Key does not exist."))
        #expect(error?.failureClass == .auth)
        #expect(error?.remedy?.description.contains("BREEZE_API_KEY") == true)
    }

    @Test func wrongSessionTokenSaysWhatToDo() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) {
            try await sandbox.client(sessionToken: "wrong-token").historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
        #expect(error == .auth(.invalidSession, serverMessage: "Invalid session."))
        #expect(error?.remedy?.description.contains("BREEZE_SESSION_TOKEN") == true)
        #expect(!(error?.description.contains("wrong-token") ?? true))
    }

    @Test func expiredSessionSaysTokensExpireDaily() async throws {
        let sandbox = try await SandboxHarness.start { $0.expiredSessionTokens = ["yesterday"] }
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) { try await sandbox.client(sessionToken: "yesterday").connect() }
        #expect(error == .auth(.expiredSession, serverMessage: "Resource not available."))
        #expect(error?.remedy?.description.contains("expire daily") == true)
    }

    @Test func quotaIsStatusFive() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["quota-after:1"])
        defer { Task { await sandbox.server.stop() } }
        let client = sandbox.client()
        _ = try await client.historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        let error = await #expect(throws: BreezeError.self) {
            try await client.historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
        #expect(error == .quota(serverMessage: "Limit exceed: API call per day: "))
        #expect(error?.failureClass == .quota)
    }

    @Test func rateLimitCarriesRetryAfterAndIsTransient() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["rate-limit:1"]) { $0.retryAfterSeconds = 3 }
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) {
            try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
        #expect(error == .rateLimited(retryAfterSeconds: 3))
        #expect(error?.failureClass == .transient)
    }

    @Test func serverErrorIsTransient() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["5xx:1"])
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) {
            try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
        #expect(error == .transient("HTTP 503: Service Unavailable"))
    }

    @Test func hungAnswerTimesOutAsTransient() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["timeout:1"])
        defer { Task { await sandbox.server.stop() } }
        let started = ContinuousClock.now
        let error = await #expect(throws: BreezeError.self) {
            try await sandbox.client(timeout: .milliseconds(200)).historicalBars(stockCode: "RELIND", interval: .oneDay, days: january)
        }
        #expect(error?.failureClass == .transient)
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func unreachableServerIsTransient() async throws {
        let credentials = BreezeCredentials(apiKey: "k", apiSecret: "s", sessionToken: "t")
        let client = BreezeClient(credentials: credentials, endpoints: .sandbox("http://127.0.0.1:1"), requestTimeout: .milliseconds(300))
        let error = await #expect(throws: BreezeError.self) { try await client.connect() }
        #expect(error?.failureClass == .transient)
    }
}
