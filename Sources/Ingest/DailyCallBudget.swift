import Foundation
import MarketData

/// Calls made to a provider on one IST day, persisted (atomically) so that the budget holds
/// across runs: `{"day": "2024-06-03", "calls": 120}` in `<data-dir>/state/`.
public actor DailyCallBudget {
    struct Usage: Codable { var day: CalendarDay; var calls: Int }

    public let limit: Int?
    private let file: URL?
    private let today: @Sendable () -> CalendarDay
    private var usage: Usage

    /// - Parameters:
    ///   - limit: calls allowed per IST day; nil counts without limiting.
    ///   - file: where the day's usage is kept; nil keeps it in memory only.
    public init(limit: Int?, file: URL?, today: @escaping @Sendable () -> CalendarDay = { CalendarDay.today() }) throws {
        self.limit = limit
        self.file = file
        self.today = today
        let day = today()
        var usage = Usage(day: day, calls: 0)
        if let file, FileManager.default.fileExists(atPath: file.path) {
            do {
                let stored = try JSONDecoder().decode(Usage.self, from: Data(contentsOf: file))
                if stored.day == day { usage = stored }
            } catch {
                throw FetchError.unreadableState(path: file.path, problem: "\(error)")
            }
        }
        self.usage = usage
    }

    public var callsToday: Int { usage.calls }

    /// Records one call, or throws `FetchError.dailyBudgetExhausted` when none is left today.
    public func consume() throws {
        let day = today()
        if usage.day != day { usage = Usage(day: day, calls: 0) }
        if let limit, usage.calls >= limit {
            throw FetchError.dailyBudgetExhausted(limit: limit, day: day, stateFile: file?.path)
        }
        usage.calls += 1
        if let file {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try AtomicFile.write(Array(try encoder.encode(usage)), to: file)
        }
    }
}
