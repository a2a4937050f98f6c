import Foundation

/// A throwaway PostgreSQL cluster for tests: `initdb` into a temporary directory, a server on a
/// free loopback port, stopped and removed by `withTestCluster` however the test ends. Runs the
/// server as `postgres` when the tests run as root (PostgreSQL refuses to run as root).
public final class TestCluster: Sendable {
    public let port: Int
    public let directory: URL
    let binDir: URL
    let asPostgres: Bool

    /// A user whose login needs a password (to test refused logins); every other user is trusted.
    public static let passwordUser = "secretuser"
    public static let password = "s3cret-Pa55"

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    var data: URL { directory.appendingPathComponent("data") }

    /// `postgresql://sensequant@127.0.0.1:PORT/DATABASE` (trusted, no password).
    public func url(database: String) -> String { "postgresql://sensequant@127.0.0.1:\(port)/\(database)?sslmode=disable" }

    init(port: Int, directory: URL, binDir: URL, asPostgres: Bool) {
        self.port = port
        self.directory = directory
        self.binDir = binDir
        self.asPostgres = asPostgres
    }

    static func findBinDir() throws -> URL {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let v = versions.last, FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") else {
            throw Failure(description: "no PostgreSQL server under \(root): run `make setup` (it installs Debian's postgresql)")
        }
        return URL(fileURLWithPath: "\(root)/\(v)/bin")
    }

    static func start() async throws -> TestCluster {
        let bin = try findBinDir()
        let asPostgres = getuid() == 0
        let dir = URL(fileURLWithPath: "/tmp/sq-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        if asPostgres { try await run(["/bin/chown", "postgres:postgres", dir.path], asPostgres: false) }
        var cluster = TestCluster(port: 0, directory: dir, binDir: bin, asPostgres: asPostgres)
        do {
            try await cluster.run("initdb", ["-D", cluster.data.path, "-U", "sensequant", "--auth=trust", "-E", "UTF8", "--no-sync"])
            let hba = """
                local all all trust
                host all \(passwordUser) 127.0.0.1/32 scram-sha-256
                host all all 127.0.0.1/32 trust
                """
            try await cluster.writeAsOwner(hba + "\n", to: cluster.data.appendingPathComponent("pg_hba.conf"))
            var lastError: Error?
            for _ in 0..<3 {
                cluster = TestCluster(port: try freePort(), directory: dir, binDir: bin, asPostgres: asPostgres)
                do {
                    try await cluster.startServer()
                    lastError = nil
                    break
                } catch { lastError = error }
            }
            if let lastError { throw lastError }
            try await cluster.psql("CREATE ROLE \(passwordUser) LOGIN SUPERUSER PASSWORD '\(password)'", database: "postgres")
            return cluster
        } catch {
            await cluster.remove()
            throw error
        }
    }

    public func startServer() async throws {
        try await run("pg_ctl", ["-D", data.path, "-l", directory.appendingPathComponent("server.log").path, "-w", "-t", "60",
                                 "-o", "-p \(port) -k \(directory.path) -c listen_addresses=127.0.0.1 -c fsync=off",
                                 "start"])
    }

    /// Stops at once, as a crash or a cut cable would (connections are dropped).
    public func stopServer() async throws {
        try await run("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
    }

    func remove() async {
        _ = try? await run("pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    public func createDatabase(_ name: String) async throws -> String {
        try await psql("CREATE DATABASE \(name)", database: "postgres")
        return url(database: name)
    }

    /// Runs SQL through psql; returns its unaligned, tuples-only output.
    @discardableResult
    public func psql(_ sql: String, database: String) async throws -> String {
        try await run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", "sensequant", "-d", database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    @discardableResult
    func run(_ tool: String, _ args: [String]) async throws -> String {
        try await Self.run([binDir.appendingPathComponent(tool).path] + args, asPostgres: asPostgres)
    }

    func writeAsOwner(_ text: String, to url: URL) async throws {
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// Runs a command to completion on a thread of its own, its output to a temporary file.
    /// Not Foundation's `Process`: it learns of an exit through a descriptor the child inherits,
    /// and the server `pg_ctl` leaves running inherits it too, so the exit would never be seen.
    @discardableResult
    static func run(_ command: [String], asPostgres: Bool) async throws -> String {
        // From /tmp: `postgres` may not be allowed into the tests' working directory.
        let inTmp = ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh"] + command
        let argv = asPostgres ? ["/sbin/runuser", "-u", "postgres", "--"] + inTmp : inTmp
        let out = "/tmp/sq-pg-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let status: Int32 = try await withCheckedThrowingContinuation { done in
            Thread.detachNewThread {
                var pid: pid_t = 0
                var actions = posix_spawn_file_actions_t()
                posix_spawn_file_actions_init(&actions)
                defer { posix_spawn_file_actions_destroy(&actions) }
                posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
                posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                posix_spawn_file_actions_adddup2(&actions, 1, 2)
                let cArgs = argv.map { strdup($0) } + [nil]
                defer { cArgs.forEach { free($0) } }
                let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
                guard rc == 0 else {
                    done.resume(throwing: Failure(description: "cannot start \(argv[0]): error \(rc)"))
                    return
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                done.resume(returning: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f))
            }
        }
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "\(command.joined(separator: " ")) failed (\(status)): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A port the kernel just handed out on 127.0.0.1 (free unless taken again before the server binds it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard bound else { throw Failure(description: "bind() failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// Starts a cluster, runs `body`, and always stops and removes the cluster.
public func withTestCluster<T>(_ body: (TestCluster) async throws -> T) async throws -> T {
    let cluster = try await TestCluster.start()
    do {
        let value = try await body(cluster)
        await cluster.remove()
        return value
    } catch {
        await cluster.remove()
        throw error
    }
}
