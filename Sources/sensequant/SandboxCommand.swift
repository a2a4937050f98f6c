import ArgumentParser
import BreezeSandbox
import Foundation
import MarketData
import Pipeline
import SyntheticMarket

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local Breeze API sandbox (customerdetails + historicalcharts v2) on 127.0.0.1.",
        discussion: """
            Serves bars from a cache directory (--data) or a deterministic synthetic market (--synthetic SEED, the default).

            Credentials it accepts: API key `sandbox` (--app-key), session token `sandbox-session` (--session-token), any secret.

            Point `sensequant fetch --provider sandbox --sandbox-url URL` at it, or the official Python SDK by setting breeze_connect.config.API_URL = URL + "/breezeapi/api/v1/" and BREEZE_NEW_URL = URL + "/api/v2/".

            Faults: rate-limit:P, 5xx:P, timeout:P (probabilities), slow:200ms, quota-after:N, empty:SYMBOL[:FROM..TO], \
            answer:STATUS:BODYKIND[:P] (HTTP STATUS with a body of kind envelope-error, json-no-status, html, empty, \
            truncated-json, status500-in-200, rate-limit-text or expired-session; P defaults to 1).
            """)

    @Option(name: .long, help: "Port; 0 picks a free one.")
    var port = 8765

    @Option(name: .long, help: "Serve this cache (a data dir or its historical/ directory).")
    var data: String?

    @Option(name: .long, help: "Serve a synthetic market with this seed (default 42).")
    var synthetic: UInt64?

    @Option(name: .long, help: "Planted gap in the synthetic market: SYMBOL or SYMBOL:YYYY-MM-DD..YYYY-MM-DD (repeatable).")
    var gap: [String] = []

    @Option(name: .long, help: ArgumentHelp("How returns are made: realistic, no-edge (i.i.d., nothing predictable), mean-reversion:STRENGTH (a learnable daily edge, e.g. 0.5) or intraday-reversion:STRENGTH (no-edge days, a learnable edge between the bars of a session).", valueName: "dynamics"))
    var market: MarketDynamics = .realistic

    @Option(name: .long, help: "Inject a fault (repeatable): rate-limit:0.1, 5xx:0.1, timeout:0.05, slow:200ms, quota-after:N, empty:SYMBOL[:FROM..TO], answer:401:json-no-status[:P], partial:SYMBOL:YYYY-MM-DD.")
    var fault: [String] = []

    @Option(name: .long, help: "Seed of the fault decisions.")
    var faultSeed: UInt64 = 1

    @Option(name: .long, help: "How long a timeout fault holds the answer, in seconds.")
    var hangSeconds = 30.0

    @Option(name: .long, help: "Retry-After of rate-limit answers, in seconds.")
    var retryAfter = 1.0

    @Option(name: .long, help: "The API key the sandbox accepts.")
    var appKey = "sandbox"

    @Option(name: .long, help: "The session token the sandbox accepts.")
    var sessionToken = "sandbox-session"

    @Flag(name: .long, help: "Send prices and volumes as JSON strings.")
    var numbersAsStrings = false

    @Option(name: .long, help: "Data root whose symbol_mappings.json overlays the bundled mappings.")
    var dataDir = "data"

    func validate() throws {
        if data != nil && synthetic != nil { throw ValidationError("pass either --data DIR or --synthetic SEED, not both") }
        if data != nil && !gap.isEmpty { throw ValidationError("--gap applies to --synthetic markets; use --fault empty:... with --data") }
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is not a TCP port; pass 1-65535, or 0 for a free one") }
        if let data {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: data, isDirectory: &isDir), isDir.boolValue else {
                throw ValidationError("--data \(data) is not a directory; pass a data dir or its historical/ directory (e.g. one made by sensequant synthesize or fetch)")
            }
        }
        for spec in gap where SyntheticGap(parsing: spec) == nil {
            throw ValidationError("--gap \(spec): expected SYMBOL or SYMBOL:YYYY-MM-DD..YYYY-MM-DD")
        }
        do { _ = try FaultPlan.parse(fault) } catch { throw ValidationError(String(describing: error)) }
        guard hangSeconds.isFinite, hangSeconds >= 0 else { throw ValidationError("--hang-seconds must be 0 or more") }
        guard retryAfter.isFinite, retryAfter >= 0 else { throw ValidationError("--retry-after must be 0 or more") }
    }

    func run() async throws {
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(try configuration())
        } catch {
            let text = String(describing: error)
            if text.contains("Address already in use") || text.contains("errno: 98") {
                throw failCleanly(RequestError.input("port \(port) on 127.0.0.1 is already in use", fix: "pass another --port, or --port 0 for a free one"))
            }
            throw failCleanly(error)
        }
        print("Breeze sandbox listening on \(server.baseURL)")
        print("  credentials: BREEZE_API_KEY=\(appKey) BREEZE_SESSION_TOKEN=\(sessionToken) (any secret)")
        print("  fetch with: sensequant fetch --provider sandbox --sandbox-url \(server.baseURL) --symbols RELIANCE --start-date 2024-01-01 --end-date 2024-03-31")
        fflush(nil)
        try await server.waitUntilStopped()
    }

    private func configuration() throws -> SandboxConfiguration {
        let mappings = try SymbolMappings.load(dataDir: URL(fileURLWithPath: dataDir))
        let bars: SandboxConfiguration.Bars
        if let data {
            bars = .cache(URL(fileURLWithPath: data))
        } else {
            let gaps = try gap.map { spec -> SyntheticGap in
                guard let g = SyntheticGap(parsing: spec) else { throw ValidationError("bad --gap \(spec): expected SYMBOL[:FROM..TO]") }
                return g
            }
            bars = .synthetic(try SyntheticMarket(seed: synthetic ?? 42, gaps: gaps, listingDates: mappings.listingDates, dynamics: market))
        }
        var config = SandboxConfiguration(bars: bars, mappings: mappings)
        config.port = port
        config.faults = try FaultPlan.parse(fault)
        config.faultSeed = faultSeed
        config.hangDuration = .milliseconds(Int64(hangSeconds * 1000))
        config.retryAfterSeconds = retryAfter
        config.appKey = appKey
        config.sessionToken = sessionToken
        config.numbersAsStrings = numbersAsStrings
        return config
    }
}
