import Batch
import Foundation
import PostgresNIO
import Synchronization

/// PostgreSQL connections used from plain threads. Every call runs on NIO's event loop and the
/// calling thread waits for its future, which is safe on any thread that is not an event loop:
/// the work never needs the waiting thread (nor a thread of Swift's cooperative pool), so the
/// runner's training threads and the async flows alike can call the synchronous ledger API
/// without the deadlock of blocking a pool thread on a task that needs one.
final class BlockingConnections: Sendable {
    let url: LedgerURL
    private let configuration: PostgresConnection.Configuration
    /// Longest wait for any one statement or connect; a server cut off mid-query surfaces as an error.
    private let timeout: TimeAmount
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(0)
    private let group = MultiThreadedEventLoopGroup.singleton
    let logger: Logger = {
        var logger = Logger(label: "sensequant.ledger")
        logger.logLevel = .critical
        return logger
    }()

    init(url: LedgerURL, timeoutSeconds: Int64 = 30) throws {
        self.url = url
        self.timeout = .seconds(timeoutSeconds)
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database,
                                                             tls: try Self.tls(url.tls))
        configuration.options.connectTimeout = .seconds(min(10, timeoutSeconds))
        self.configuration = configuration
    }

    private static func tls(_ mode: LedgerURL.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require:
            tls.certificateVerification = .none
            let context = try NIOSSLContext(configuration: tls)
            return mode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: tls))
        }
    }

    /// Runs `body` on a connection of its own. A connection that saw an error is closed, not
    /// reused: it may be broken or inside a failed transaction.
    func with<T>(_ body: (Session) throws -> T) throws -> T {
        let connection = try checkOut()
        do {
            let value = try body(Session(connection: connection, pool: self))
            idle.withLock { $0.append(connection) }
            return value
        } catch {
            connection.closeNow()
            throw error
        }
    }

    func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try with { try $0.query(query) }
    }

    /// A statement's rows-affected count.
    func execute(_ query: PostgresQuery) throws -> Int {
        try with { try $0.execute(query) }
    }

    func closeAll() {
        for c in idle.withLock({ all in defer { all = [] }; return all }) { c.closeNow() }
    }

    private func checkOut() throws -> PostgresConnection {
        while let c = idle.withLock({ $0.popLast() }) {
            if !c.isClosed { return c }
        }
        let id = nextID.add(1, ordering: .relaxed).newValue
        return try wait(PostgresConnection.connect(on: group.next(), configuration: configuration, id: id, logger: logger), connection: nil)
    }

    fileprivate func wait<T: Sendable>(_ future: EventLoopFuture<T>, connection: PostgresConnection?) throws -> T {
        let promise = future.eventLoop.makePromise(of: T.self)
        future.cascade(to: promise)
        let seconds = timeout.nanoseconds / 1_000_000_000
        let timer = future.eventLoop.scheduleTask(in: timeout) {
            promise.fail(LedgerTimeout(seconds: seconds))
            connection?.closeNow()
        }
        defer { timer.cancel() }
        do {
            return try promise.futureResult.wait()
        } catch {
            throw PostgresLedgerError(error, url: url)
        }
    }

    /// One checked-out connection: statements, and transactions on it.
    struct Session {
        let connection: PostgresConnection
        let pool: BlockingConnections

        func query(_ query: PostgresQuery) throws -> PostgresQueryResult {
            try pool.wait(connection.query(query, logger: pool.logger), connection: connection)
        }

        @discardableResult
        func execute(_ query: PostgresQuery) throws -> Int {
            try self.query(query).metadata.rows ?? 0
        }

        /// `body` inside BEGIN ... COMMIT; any error rolls back (the connection is then dropped).
        func transaction<T>(_ body: () throws -> T) throws -> T {
            try execute("BEGIN")
            let value = try body()
            try execute("COMMIT")
            return value
        }
    }
}

struct LedgerTimeout: Error, CustomStringConvertible {
    var seconds: Int64
    var description: String { "no answer within \(seconds) s" }
}

extension PostgresConnection {
    /// Closes without waiting (the future-returning `close()`; the async one has the same name).
    /// The connection must outlive its close, so the completion holds it until then.
    func closeNow() {
        let future: EventLoopFuture<Void> = close()
        future.whenComplete { _ in withExtendedLifetime(self) {} }
    }
}
