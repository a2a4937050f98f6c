import Foundation
import MarketData
import Teacher

/// The verdict on one window before training.
public enum PreflightVerdict: Equatable, Sendable {
    case ready(labelledRows: Int)
    case skip(FailureClass, reason: String, remedy: Remedy?)

    static func skip(_ failure: WindowFailure) -> PreflightVerdict {
        .skip(failure.failureClass, reason: failure.message, remedy: failure.remedy)
    }
}

/// Decides, from the cache and the calendar alone, which windows can train.
public struct Preflight: Sendable {
    public var teacher: TeacherConfig
    public var calendar: TradingCalendar
    public var listingDates: [String: CalendarDay]
    /// The data root that fix commands name (nil for the default root).
    public var dataDir: String?
    /// Symbols without a Breeze code: a fetch cannot fix them, so their fix says what can.
    public var unmapped: Set<String>

    public init(teacher: TeacherConfig, calendar: TradingCalendar, listingDates: [String: CalendarDay], dataDir: String?,
                unmapped: Set<String> = []) {
        self.unmapped = unmapped
        self.teacher = teacher
        self.calendar = calendar
        self.listingDates = listingDates
        self.dataDir = dataDir
    }

    /// The range of bars to load for `windows`: what the teacher needs for the first and the last.
    public func dataRange(for windows: [DayRange]) -> DayRange? {
        guard let first = windows.map(\.first).min(), let last = windows.map(\.last).max() else { return nil }
        return teacher.barsNeeded(for: DayRange(first, last), calendar: calendar)
    }

    public func check(_ window: PlannedWindow, bars: BarSeries) -> PreflightVerdict {
        let symbol = window.symbol
        let range = window.range
        if let listed = listingDates[symbol], range.last < listed {
            return .skip(.preListing, reason: "\(symbol) was listed on \(listed), after this window ends (\(range.last))", remedy: nil)
        }
        let inWindow = bars.slice(range)
        if inWindow.isEmpty {
            return .skip(.dataMissing, reason: "No data returned for \(symbol): the cache has no bars in \(range)",
                         remedy: unmapped.contains(symbol) ? .mapSymbols([symbol], dataDir: dataDir) : .fetch(fetchRemedy([symbol], range)))
        }
        if teacher.labelLookahead, let pending = pendingFuture(window, bars: bars) {
            return pending
        }
        if let partial = PartialDayCheck.failure(window, bars: bars, teacher: teacher, calendar: calendar, dataDir: dataDir) {
            return .skip(partial)
        }
        // The teacher's own row preparation, so preflight and training cannot disagree.
        let rows: Int
        do {
            rows = try PreparedWindow.prepare(symbol: symbol, window: range, allBars: bars, config: teacher).rowCount
        } catch {
            return .skip(WindowFailure(classifying: error))
        }
        if rows < teacher.minimumRows {
            return .skip(.insufficientData,
                         reason: "Insufficient samples for training: \(rows) < \(teacher.minimumRows) minimum (\(inWindow.count) bars in \(range))",
                         remedy: .fetch(fetchRemedy([symbol], range)))
        }
        return .ready(labelledRows: rows)
    }

    /// A window of a symbol whose cache holds a damaged file: a skip whose fix, a fetch, moves
    /// the file aside and fetches its days again.
    public func damaged(_ window: PlannedWindow, _ damage: CSVError) -> PreflightVerdict {
        .skip(.dataCorrupt, reason: "damaged cache file \(damage.description)",
              remedy: unmapped.contains(window.symbol) ? .mapSymbols([window.symbol], dataDir: dataDir) : .fetch(fetchRemedy([window.symbol], window.range)))
    }

    /// The last row of the window needs the bar `horizon` bars later, on a later trading day.
    private func pendingFuture(_ window: PlannedWindow, bars: BarSeries) -> PreflightVerdict? {
        guard let lastBarDay = bars.lastDay else { return nil }
        let lastRowDay = bars.slice(window.range).lastDay ?? window.range.last
        let needed = calendar.tradingDay(teacher.tradingDays(holding: teacher.horizon), after: lastRowDay)
        guard lastBarDay < needed else { return nil }
        let short = (try? calendar.tradingDayCount(in: DayRange(lastBarDay.adding(days: 1), needed))) ?? lastBarDay.days(until: needed)
        return .skip(.pendingFutureData,
                     reason: "Insufficient future data: need data through \(needed), but only have through \(lastBarDay) (\(short) trading days short)",
                     remedy: .fetch(fetchRemedy([window.symbol], DayRange(lastBarDay.adding(days: 1), needed))))
    }

    /// The exact fetch that fills `range` (with warm-up and look-ahead) for `symbols`.
    public func fetchRemedy(_ symbols: [String], _ range: DayRange) -> FetchRemedy {
        FetchRemedy(symbols: symbols, range: dataRange(for: [range]) ?? range, interval: teacher.interval, dataDir: dataDir)
    }
}
