import Foundation
import SystemIO

extension AtomicFile {
    /// Moves a complete directory (already durable on disk) to `url`, replacing what is there;
    /// a reader sees the old directory or the new one, each whole.
    public static func moveDirectory(_ source: URL, to url: URL) throws {
        let parent = url.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: url.path) {
            let old = parent.appendingPathComponent(temporaryName(for: url.lastPathComponent + ".old"))
            try PosixFile.rename(url.path, to: old.path)
            try PosixFile.rename(source.path, to: url.path)
            try? FileManager.default.removeItem(at: old)
        } else {
            try PosixFile.rename(source.path, to: url.path)
        }
        try PosixFile.syncDirectory(parent.path)
    }
}
