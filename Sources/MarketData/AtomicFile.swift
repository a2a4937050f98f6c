import Foundation
import Synchronization
import SystemIO

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
            try PosixFile.write(bytes, to: temp.path)
            try beforeRename?()
            try PosixFile.rename(temp.path, to: url.path)
        } catch {
            PosixFile.remove(temp.path)
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
                try PosixFile.rename(url.path, to: old.path)
                try PosixFile.rename(temp.path, to: url.path)
                try? FileManager.default.removeItem(at: old)
            } else {
                try PosixFile.rename(temp.path, to: url.path)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    private static let counter = Mutex(0)

    static func temporaryName(for name: String) -> String {
        "\(temporaryPrefix)\(ProcessInfo.processInfo.processIdentifier)-\(counter.withLock { $0 += 1; return $0 })-\(name)"
    }
}
