import Batch
import Testing

@Suite struct LedgerURLTests {
    @Test func parsesEveryPart() throws {
        let u = try LedgerURL(parsing: "postgresql://trainer:p%40ss@db.internal:6543/sense?sslmode=require")
        #expect(u == LedgerURL(user: "trainer", password: "p@ss", host: "db.internal", port: 6543, database: "sense", tls: .require))
    }

    @Test func defaultsPortAndTLS() throws {
        let u = try LedgerURL(parsing: "postgres://me@127.0.0.1/ledger")
        #expect(u.port == 5432)
        #expect(u.tls == .prefer)
        #expect(u.password == nil)
        #expect(u.redacted == "postgresql://me@127.0.0.1:5432/ledger")
    }

    @Test func ipv6Host() throws {
        let u = try LedgerURL(parsing: "postgresql://me@[::1]:5433/db")
        #expect(u.host == "::1")
        #expect(u.port == 5433)
    }

    @Test func redactsThePasswordEverywhere() throws {
        let u = try LedgerURL(parsing: "postgresql://trainer:hunter2@db:5432/sense")
        #expect(u.redacted == "postgresql://trainer:***@db:5432/sense")
        #expect(!u.description.contains("hunter2"))
        #expect(!"\(u)".contains("hunter2"))
        #expect(u.redact("auth failed for trainer:hunter2") == "auth failed for trainer:***")
    }

    @Test func passwordFromElsewhereNeverOverridesTheURL() throws {
        let bare = try LedgerURL(parsing: "postgresql://trainer@db/sense")
        #expect(bare.withPassword("fromfile").password == "fromfile")
        #expect(bare.withPassword("fromfile").redacted == "postgresql://trainer:***@db:5432/sense")
        #expect(bare.withPassword("").password == nil)
        let given = try LedgerURL(parsing: "postgresql://trainer:inurl@db/sense")
        #expect(given.withPassword("fromfile").password == "inurl")
    }

    @Test(arguments: [
        ("mysql://u@h/db", "must be a PostgreSQL URL"),
        ("postgresql://h/db", "names no user"),
        ("postgresql://u@h:99999/db", "bad port"),
        ("postgresql://u@h:abc/db", "bad port"),
        ("postgresql://u@/db", "names no host"),
        ("postgresql://u@h", "names no database"),
        ("postgresql://u@h/", "names no database"),
        ("postgresql://u@h/db?sslmode=sometimes", "sslmode must be one of"),
        ("postgresql://u@h/db?timeout=3", "unknown parameter timeout"),
    ])
    func refusesBadURLs(text: String, message: String) {
        #expect { try LedgerURL(parsing: text) } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test func errorsNeverRepeatThePassword() {
        for bad in ["postgresql://u:topsecret@h:bad/db", "postgresql://u:topsecret@h", "postgresql://u:topsecret@h/db?x=1"] {
            #expect { try LedgerURL(parsing: bad) } throws: { error in
                !String(describing: error).contains("topsecret")
            }
        }
    }
}
