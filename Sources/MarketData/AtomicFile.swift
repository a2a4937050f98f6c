import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes that are all-or-nothing for readers: content goes to a hidden temporary name in the
/// same directory and is renamed into place, so a crash leaves the old file or none, never half.
public enum AtomicFile {
    /// Temporary names start with this prefix; readers skip anything that starts with a dot.
    static let temporaryPrefix = ".tmp-"

    public static func write(_ bytes: [UInt8], to url: URL, beforeRename: (() throws -> Void)? = nil) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        do {
            try writeAll(bytes, to: temp.path)
            try beforeRename?()
            guard rename(temp.path, url.path) == 0 else { throw posixError("rename \(temp.path) to \(url.path)") }
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }

    /// Builds a directory under a temporary name, then renames it to `url`, replacing any
    /// previous directory there. `build` receives the temporary directory to fill.
    public static func writeDirectory(at url: URL, build: (URL) throws -> Void) throws {
        let parent = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let temp = parent.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: false)
        do {
            try build(temp)
            if FileManager.default.fileExists(atPath: url.path) {
                let old = parent.appendingPathComponent(temporaryName(for: url.lastPathComponent + ".old"))
                guard rename(url.path, old.path) == 0 else { throw posixError("rename \(url.path)") }
                guard rename(temp.path, url.path) == 0 else { throw posixError("rename \(temp.path)") }
                try? FileManager.default.removeItem(at: old)
            } else {
                guard rename(temp.path, url.path) == 0 else { throw posixError("rename \(temp.path) to \(url.path)") }
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    private static let counter = Counter()

    static func temporaryName(for name: String) -> String {
        "\(temporaryPrefix)\(getpid())-\(counter.next())-\(name)"
    }

    private static func writeAll(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError("create \(path)") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw posixError("write \(path)")
                }
                offset += n
            }
        }
    }

    static func posixError(_ what: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}

/// Reads a whole file with plain POSIX calls (much faster than Foundation for many small files).
public enum FileBytes {
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AtomicFile.posixError("open \(path)") }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: 4096)
        var used = 0
        while true {
            if used == out.count { out += [UInt8](repeating: 0, count: out.count) }
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.posixError("read \(path)")
            }
            used += n
            // A short read from a regular file is its end: this saves a zero-length read per file.
            if n == 0 || used < out.count { break }
        }
        out.removeSubrange(used...)
        return out
    }

    /// Names in a directory (no `.`/`..`), or [] when it does not exist.
    public static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
