import CLinux
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file reads and writes with plain POSIX calls: much faster than Foundation for the
/// cache's many small files. Errors name the path and the system's reason.
public enum PosixFile {
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open \(path)") }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: 4096)
        var used = 0
        while true {
            if used == out.count { out += [UInt8](repeating: 0, count: out.count) }
            let n = out.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                throw error("read \(path)")
            }
            used += n
            // A short read from a regular file is its end: this saves a zero-length read per file.
            if n == 0 || used < out.count { break }
        }
        out.removeSubrange(used...)
        return out
    }

    /// Creates or truncates `path` and writes all of `bytes`; with `sync`, they are on the disk
    /// (`fsync`) before it returns.
    public static func write(_ bytes: [UInt8], to path: String, sync: Bool = false) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error("create \(path)") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw error("write \(path)")
                }
                offset += n
            }
        }
        if sync, fsync(fd) != 0 { throw error("fsync \(path)") }
    }

    /// Makes a directory's entries (creations, renames) durable.
    public static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open directory \(path)") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw error("fsync directory \(path)") }
    }

    /// Flushes everything written to the file system that holds `path` (`syncfs`): one call
    /// makes a whole batch of files durable, where an `fsync` per file would cost a journal
    /// commit each.
    public static func syncFileSystem(containing path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error("open \(path)") }
        defer { close(fd) }
        guard sensequant_syncfs(fd) == 0 else { throw error("syncfs \(path)") }
    }

    public static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else { throw error("rename \(from) to \(to)") }
    }

    /// Removes a file if it is there; never fails.
    public static func remove(_ path: String) {
        unlink(path)
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

    /// Whether a process with this id exists (signal 0 probes without sending anything).
    public static func processExists(_ pid: Int) -> Bool {
        kill(pid_t(pid), 0) == 0
    }

    static func error(_ what: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
