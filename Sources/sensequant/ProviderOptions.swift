import ArgumentParser
import Foundation
import Pipeline

extension ProviderSettings.Provider: ExpressibleByArgument {}

/// The provider flags shared by `fetch` and `train --auto-fetch`.
struct ProviderOptions: ParsableArguments {
    @Option(name: .long, help: "breeze (live) or sandbox (a local `sensequant sandbox`).")
    var provider: ProviderSettings.Provider = .breeze

    @Option(name: .long, help: "Base URL of the sandbox.")
    var sandboxUrl = "http://127.0.0.1:8765"

    @Option(name: .long, help: "Session token the sandbox accepts.")
    var sandboxSessionToken = "sandbox-session"

    @Option(name: .long, help: "Requests per minute (default 90 for breeze, unlimited for sandbox).")
    var requestsPerMinute: Int?

    @Option(name: .long, help: "Requests per IST day, kept across runs in <data-dir>/state/ (default 4900 for breeze).")
    var dailyBudget: Int?

    @Option(name: .long, help: "Seconds to wait for one answer.")
    var timeout = 30.0

    func validate() throws {
        if provider == .sandbox {
            guard let url = URL(string: sandboxUrl), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                  let host = url.host, !host.isEmpty else {
                throw ValidationError("--sandbox-url \(sandboxUrl) is not an http(s) URL; pass the one `sensequant sandbox` prints, e.g. http://127.0.0.1:8765")
            }
        }
        if timeout.isNaN || timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds") }
        if let n = requestsPerMinute, n < 1 { throw ValidationError("--requests-per-minute must be at least 1") }
        if let n = dailyBudget, n < 1 { throw ValidationError("--daily-budget must be at least 1") }
    }

    var settings: ProviderSettings {
        var s = ProviderSettings()
        s.provider = provider
        s.sandboxURL = sandboxUrl
        s.sandboxSessionToken = sandboxSessionToken
        s.requestsPerMinute = requestsPerMinute
        s.dailyBudget = dailyBudget
        s.timeoutSeconds = timeout
        return s
    }
}
