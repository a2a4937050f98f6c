import Foundation
import Pipeline
import Testing

@Suite struct LedgerChoiceTests {
    @Test func noFlagNoVariableIsTheLocalSQLiteLedger() throws {
        #expect(try LedgerChoice.resolve(ledger: nil, passwordFile: nil, environment: [:]).url == nil)
        #expect(try LedgerChoice.resolve(ledger: nil, passwordFile: nil, environment: ["SENSEQUANT_LEDGER": ""]).url == nil)
    }

    @Test func theFlagWinsOverTheVariable() throws {
        let c = try LedgerChoice.resolve(ledger: "postgresql://a@flag/db", passwordFile: nil,
                                         environment: ["SENSEQUANT_LEDGER": "postgresql://b@env/db"])
        #expect(c.url?.host == "flag")
        #expect(try LedgerChoice.resolve(ledger: nil, passwordFile: nil,
                                         environment: ["SENSEQUANT_LEDGER": "postgresql://b@env/db"]).url?.host == "env")
    }

    @Test func passwordFromTheFileThenPGPASSWORD() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sq-pw-\(UUID().uuidString)")
        try "from-file\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let env = ["PGPASSWORD": "from-env"]
        #expect(try LedgerChoice.resolve(ledger: "postgresql://a@h/db", passwordFile: file.path, environment: env).url?.password == "from-file")
        #expect(try LedgerChoice.resolve(ledger: "postgresql://a@h/db", passwordFile: nil,
                                         environment: env.merging(["SENSEQUANT_LEDGER_PASSWORD_FILE": file.path]) { $1 }).url?.password == "from-file")
        #expect(try LedgerChoice.resolve(ledger: "postgresql://a@h/db", passwordFile: nil, environment: env).url?.password == "from-env")
        #expect(try LedgerChoice.resolve(ledger: "postgresql://a:in-url@h/db", passwordFile: file.path, environment: env).url?.password == "in-url")
    }

    @Test func anUnreadablePasswordFileIsAUsageError() {
        #expect { try LedgerChoice.resolve(ledger: "postgresql://a@h/db", passwordFile: "/nonexistent/pw", environment: [:]) } throws: { e in
            String(describing: e).contains("cannot read the ledger password file /nonexistent/pw")
        }
    }
}
