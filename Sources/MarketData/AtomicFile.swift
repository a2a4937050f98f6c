import Foundation
import Synchronization
import SystemIO

/// Writes that are all-or-nothing for readers and durable: content goes to a hidden temporary
/// name in the same directory, reaches the disk, and only then is renamed into place, and the
/// rename is made durable too. A crash or a power cut leaves the old file or the new one, never
/// half, and never a name that points at data the disk does not have.
public enum AtomicFile {
    /// Temporary names start with this prefix; readers skip anything that starts with a dot.
    static let temporaryPrefix = ".tmp-"

    /// `durable: false` keeps the atomic rename but skips the syncs (for counters, not data).
    public static func write(_ bytes: [UInt8], to url: URL, durable: Bool = true, beforeRename: (() throws -> Void)? = nil) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temp = dir.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        do {
            try PosixFile.write(bytes, to: temp.path, sync: durable)
            try beforeRename?()
            try PosixFile.rename(temp.path, to: url.path)
        } catch {
            PosixFile.remove(temp.path)
            throw error
        }
        if durable { try PosixFile.syncDirectory(dir.path) }
    }

    /// Many files of one directory at once, each atomic and durable, with two file-system syncs
    /// for the whole batch instead of two per file (the bar cache writes one file per day).
    public static func writeBatch(_ files: [(bytes: [UInt8], url: URL)], in dir: URL) throws {
        guard !files.isEmpty else { return }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let temps = files.map { dir.appendingPathComponent(temporaryName(for: $0.url.lastPathComponent)) }
        do {
            for (file, temp) in zip(files, temps) { try PosixFile.write(file.bytes, to: temp.path) }
            try PosixFile.syncFileSystem(containing: dir.path)
            for (file, temp) in zip(files, temps) { try PosixFile.rename(temp.path, to: file.url.path) }
        } catch {
            temps.forEach { PosixFile.remove($0.path) }
            throw error
        }
        try PosixFile.syncDirectory(dir.path)
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Array(text.utf8), to: url)
    }

    /// Builds a directory under a temporary name, then renames it to `url`, replacing any
    /// previous directory there. `build` receives the temporary directory to fill.
    public static func writeDirectory(at url: URL, build: (URL) throws -> Void) throws {
        let staged = try StagedDirectory(for: url)
        do { try build(staged.url) } catch {
            staged.discard()
            throw error
        }
        try staged.commit()
    }

    /// A directory filled under a temporary sibling name (by one thread or several), then made
    /// durable and renamed into place whole by `commit()`, or removed by `discard()`.
    public struct StagedDirectory: Sendable {
        /// The temporary directory to fill.
        public let url: URL
        public let target: URL

        /// Names the temporary directory and makes it.
        public init(for target: URL) throws {
            self.init(planningFor: target)
            try make()
        }

        /// Only names the temporary directory: `make()` creates it, so that whoever fills it
        /// first (a window's side work) can do so off the caller's path (a mkdir took 0.3 ms).
        public init(planningFor target: URL) {
            url = target.deletingLastPathComponent().appendingPathComponent(AtomicFile.temporaryName(for: target.lastPathComponent))
            self.target = target
        }

        /// Creates the temporary directory (and the target's parent when missing).
        public func make() throws {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }

        /// The files reach the disk, then the directory replaces `target` and the rename is
        /// made durable. On failure the temporary directory is removed.
        public func commit() throws {
            do {
                try PosixFile.syncFileSystem(containing: url.path)
                try AtomicFile.moveDirectory(url, to: target)
            } catch {
                discard()
                throw error
            }
        }

        public func discard() {
            try? FileManager.default.removeItem(at: url)
        }
    }

    private static let counter = Mutex(0)

    static func temporaryName(for name: String) -> String {
        "\(temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(counter.withLock { $0 += 1; return $0 })-\(name)"
    }
}
