import Batch
import Foundation
import PostgresLedger
import PostgresTestSupport
import Testing

/// A dead server, a refused login, a missing database: one line naming the ledger (password
/// hidden) and the fix, never a crash.
@Suite(.serialized) struct ConnectionErrorTests {
    func openError(_ url: LedgerURL) -> PostgresLedgerError? {
        do {
            _ = try PostgresLedger(url: url, timeoutSeconds: 5)
            return nil
        } catch {
            return error as? PostgresLedgerError
        }
    }

    @Test func deadServerWrongPasswordAndMissingDatabase() async throws {
        try await withTestCluster { cluster in
            let secret = TestCluster.password
            var wrong = try LedgerURL(parsing: "postgresql://\(TestCluster.passwordUser):not-\(secret)@127.0.0.1:\(cluster.port)/postgres?sslmode=disable")
            let refused = try #require(openError(wrong))
            #expect(refused.message.contains("refused the login"))
            #expect(refused.message.contains("postgresql://\(TestCluster.passwordUser):***@127.0.0.1:\(cluster.port)/postgres"))
            #expect(!refused.message.contains(secret) && !refused.fix.contains(secret))

            wrong.password = nil
            let noPassword = try #require(openError(wrong))
            #expect(noPassword.message.contains("password"))

            var right = wrong
            right.password = secret
            #expect(openError(right) == nil)

            let missing = try #require(openError(try LedgerURL(parsing: cluster.url(database: "nosuchdb"))))
            #expect(missing.message.contains("nosuchdb") && missing.fix.contains("createdb"))

            try await cluster.stopServer()
            let dead = try #require(openError(right))
            #expect(dead.isConnectionLoss)
            #expect(dead.message.contains("cannot reach the ledger postgresql://\(TestCluster.passwordUser):***@127.0.0.1:\(cluster.port)/postgres"))
            #expect(!dead.message.contains(secret))
            #expect(!dead.message.contains("\n"))
        }
    }
}
