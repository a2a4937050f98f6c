import Foundation

/// Processes by id, told apart from a later process that reuses the id.
public enum ProcessIdentity {
    /// When process `pid` started, in clock ticks since boot (`/proc/PID/stat`, field 22), or
    /// nil when there is no such process (or no /proc).
    public static func startTime(of pid: Int) -> UInt64? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    public static var currentStartTime: UInt64? { startTime(of: Int(ProcessInfo.processInfo.processIdentifier)) }

    /// Whether `pid` is alive and is the process that started at `startTime` (when known).
    public static func isAlive(_ pid: Int, startedAt startTime: UInt64?) -> Bool {
        guard PosixFile.processExists(pid) else { return false }
        guard let startTime, let now = self.startTime(of: pid) else { return true }
        return now == startTime
    }
}
