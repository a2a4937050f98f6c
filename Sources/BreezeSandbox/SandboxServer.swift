import Breeze
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A running sandbox on 127.0.0.1. Start it in-process, point a `BreezeClient` (or the official
/// Python SDK) at `baseURL`, and stop it when done:
///
///     let server = try await SandboxServer.start(config)
///     let client = BreezeClient(credentials: SandboxServer.credentials(config), endpoints: .sandbox(server.baseURL))
///     await server.stop()
public final class SandboxServer: Sendable {
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    private let group: ServiceGroup
    private let running: Task<Void, Error>
    private let service: SandboxService

    private init(port: Int, group: ServiceGroup, running: Task<Void, Error>, service: SandboxService) {
        self.port = port
        self.group = group
        self.running = running
        self.service = service
    }

    /// Credentials the sandbox accepts for `config` (any secret works: v2 requests are unsigned).
    public static func credentials(_ config: SandboxConfiguration, secret: String = "sandbox-secret") -> BreezeCredentials {
        BreezeCredentials(apiKey: config.appKey, apiSecret: secret, sessionToken: config.sessionToken)
    }

    /// Binds 127.0.0.1:`config.port` (0 picks a free port) and returns once it accepts connections.
    public static func start(_ config: SandboxConfiguration) async throws -> SandboxServer {
        let service = SandboxService(config: config)
        var logger = Logger(label: "sensequant.sandbox")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router(service),
            configuration: .init(address: .hostname("127.0.0.1", port: config.port), serverName: nil),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port { portContinuation.yield(port) }
                portContinuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let running = Task {
            defer { portContinuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await running.value
            throw SandboxError.noDataSource("the server stopped before it started listening")
        }
        return SandboxServer(port: port, group: group, running: running, service: service)
    }

    /// Historical requests answered so far (faulted ones included).
    public var historicalCallCount: Int {
        get async { await service.faults.callCount }
    }

    /// Stops accepting connections, releases any held (`timeout` fault) answers, and waits
    /// for the server to finish.
    public func stop() async {
        await service.stopping.set()
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }

    /// Runs until the server stops (for the command line, which ends on Ctrl-C).
    public func waitUntilStopped() async throws {
        try await running.value
    }

    private static func router(_ service: SandboxService) -> Router<BasicRequestContext> {
        let router = Router()
        router.get(RouterPath(BreezePaths.v1Prefix + BreezePaths.customerDetails)) { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            return await service.customerDetails(body: Data(body.readableBytesView)).response
        }
        router.get(RouterPath(BreezePaths.v2Prefix + BreezePaths.historicalCharts)) { request, _ -> Response in
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let answer = await service.historicalCharts(
                query: query,
                sessionHeader: request.headers[HTTPField.Name("X-SessionToken")!],
                apiKeyHeader: request.headers[HTTPField.Name("apikey")!],
                requestKey: request.uri.query ?? ""
            )
            return answer.response
        }
        return router
    }
}

extension SandboxAnswer {
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let retryAfter { headers[HTTPField.Name("Retry-After")!] = retryAfter }
        return Response(status: .init(code: httpStatus), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
