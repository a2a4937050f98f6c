import Foundation
import MarketData
import SystemIO

/// Calls made to a provider on one IST day, persisted so that the budget holds across runs and
/// across fetches running at once on one data root: `{"day": "2024-06-03", "calls": 120}` in
/// `<data-dir>/state/`, read and written under a file lock for every call.
public actor DailyCallBudget {
    struct Usage: Codable { var day: CalendarDay; var calls: Int }

    public let limit: Int?
    private let file: URL?
    private let today: @Sendable () -> CalendarDay
    /// The count when there is no file.
    private var inMemory: Usage

    /// - Parameters:
    ///   - limit: calls allowed per IST day; nil counts without limiting.
    ///   - file: where the day's usage is kept; nil keeps it in memory only.
    public init(limit: Int?, file: URL?, today: @escaping @Sendable () -> CalendarDay = { CalendarDay.today() }) throws {
        self.limit = limit
        self.file = file
        self.today = today
        inMemory = Usage(day: today(), calls: 0)
        if let file { _ = try Self.read(file, day: today()) }
    }

    public var callsToday: Int {
        get throws {
            guard let file else { return inMemory.calls }
            return try Self.read(file, day: today()).calls
        }
    }

    /// Records one call, or throws `FetchError.dailyBudgetExhausted` when none is left today.
    public func consume() throws {
        let day = today()
        guard let file else {
            if inMemory.day != day { inMemory = Usage(day: day, calls: 0) }
            try check(inMemory, day: day)
            inMemory.calls += 1
            return
        }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileLock.withExclusiveLock(file.path + ".lock") {
            var usage = try Self.read(file, day: day)
            try check(usage, day: day)
            usage.calls += 1
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            // A count, not data: atomic against other processes, not synced to the disk per call.
            try AtomicFile.write(Array(try encoder.encode(usage)), to: file, durable: false)
        }
    }

    private func check(_ usage: Usage, day: CalendarDay) throws {
        if let limit, usage.calls >= limit {
            throw FetchError.dailyBudgetExhausted(limit: limit, day: day, stateFile: file?.path)
        }
    }

    /// Today's usage on disk (a file from an earlier day, or none, is a fresh count).
    private static func read(_ file: URL, day: CalendarDay) throws -> Usage {
        guard FileManager.default.fileExists(atPath: file.path) else { return Usage(day: day, calls: 0) }
        do {
            let stored = try JSONDecoder().decode(Usage.self, from: Data(contentsOf: file))
            return stored.day == day ? stored : Usage(day: day, calls: 0)
        } catch {
            throw FetchError.unreadableState(path: file.path, problem: "\(error)")
        }
    }
}
