import Breeze
import Foundation
import Testing

@Suite("Credentials")
struct CredentialsTests {
    let secrets = ["BREEZE_API_KEY": "key-1234", "BREEZE_API_SECRET": "secret-5678", "BREEZE_SESSION_TOKEN": "token-9012"]

    @Test func readFromEnvironment() throws {
        let c = try BreezeCredentials.load(environment: secrets, dotEnvFile: nil)
        #expect(c.apiKey == "key-1234" && c.apiSecret == "secret-5678" && c.sessionToken == "token-9012")
    }

    @Test func descriptionsAreRedacted() throws {
        let c = try BreezeCredentials.load(environment: secrets, dotEnvFile: nil)
        for text in ["\(c)", String(describing: c), String(reflecting: c)] {
            #expect(!c.secretValues.contains { text.contains($0) })
        }
    }

    @Test func dotEnvFillsWhatTheEnvironmentLacks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breeze-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(".env")
        try "# Breeze\nexport BREEZE_API_SECRET=\"from file\"\nBREEZE_SESSION_TOKEN='tok'\n".write(to: file, atomically: true, encoding: .utf8)
        let c = try BreezeCredentials.load(environment: ["BREEZE_API_KEY": "k", "BREEZE_SESSION_TOKEN": "env wins"], dotEnvFile: file)
        #expect(c.apiSecret == "from file")
        #expect(c.sessionToken == "env wins")
    }

    @Test func missingVariablesAreNamedWithAlternatives() {
        let error = #expect(throws: BreezeError.self) {
            try BreezeCredentials.load(environment: ["BREEZE_API_KEY": "k"], dotEnvFile: nil)
        }
        #expect(error == .missingCredentials(variables: ["BREEZE_API_SECRET", "BREEZE_SESSION_TOKEN"]))
        #expect(error?.remedy?.description.contains("--provider sandbox") == true)
        #expect(error?.remedy?.description.contains("sensequant import") == true)
    }
}
