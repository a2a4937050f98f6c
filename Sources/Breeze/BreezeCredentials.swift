import Foundation

/// The three secrets a live Breeze session needs. They are read from the environment or a
/// `.env` file and never printed: `description` and `debugDescription` are redacted.
public struct BreezeCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public static let apiKeyVariable = "BREEZE_API_KEY"
    public static let apiSecretVariable = "BREEZE_API_SECRET"
    public static let sessionTokenVariable = "BREEZE_SESSION_TOKEN"
    public static let variableNames = [apiKeyVariable, apiSecretVariable, sessionTokenVariable]

    public let apiKey: String
    public let apiSecret: String
    /// The `api_session` value from the browser login; exchanged for a session key by `customerdetails`.
    public let sessionToken: String

    public init(apiKey: String, apiSecret: String, sessionToken: String) {
        self.apiKey = apiKey
        self.apiSecret = apiSecret
        self.sessionToken = sessionToken
    }

    public var description: String { "BreezeCredentials(<redacted>)" }
    public var debugDescription: String { description }

    /// Every secret value, for callers that must prove they never wrote one anywhere.
    public var secretValues: [String] { [apiKey, apiSecret, sessionToken] }

    /// Reads the variables from `environment`, falling back to `dotEnvFile` for any that are
    /// unset or empty. Throws `BreezeError.missingCredentials` naming what is missing.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        dotEnvFile: URL? = URL(fileURLWithPath: ".env")
    ) throws -> BreezeCredentials {
        let fileValues = try dotEnvFile.map(DotEnvFile.read) ?? [:]
        func value(_ name: String) -> String? {
            for candidate in [environment[name], fileValues[name]] {
                if let v = candidate?.trimmingCharacters(in: .whitespaces), !v.isEmpty { return v }
            }
            return nil
        }
        let missing = variableNames.filter { value($0) == nil }
        guard missing.isEmpty, let key = value(apiKeyVariable), let secret = value(apiSecretVariable),
              let token = value(sessionTokenVariable)
        else { throw BreezeError.missingCredentials(variables: missing) }
        return BreezeCredentials(apiKey: key, apiSecret: secret, sessionToken: token)
    }
}
