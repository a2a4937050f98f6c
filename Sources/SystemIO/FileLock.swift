import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock shared by every process on this machine that uses the same lock file.
public enum FileLock {
    /// Runs `body` holding an exclusive `flock` on `path` (created when missing).
    public static func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PosixFile.error("open lock file \(path)") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw PosixFile.error("lock \(path)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
