import Foundation
import SystemIO

/// Damaged cache files: moved aside (never deleted) to `<data root>/quarantine/`, with their
/// days dropped from the manifest, so the next fetch asks for them again.
extension BarCache {
    /// Where damaged files of this cache are kept: beside `historical/`.
    public var quarantineRoot: URL { root.deletingLastPathComponent().appendingPathComponent("quarantine") }

    /// Moves `path` (a file of `symbol`/`interval`) into the quarantine, stamped with `now`, and
    /// forgets its days in the manifest. Returns where it went.
    @discardableResult
    public func quarantine(_ path: String, symbol: String, interval: Interval, now: Date = Date()) throws -> URL {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let stamp = Int64(now.timeIntervalSince1970)
        let target = quarantineRoot.appendingPathComponent(symbol).appendingPathComponent(interval.rawValue)
            .appendingPathComponent("\(name).\(stamp)")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try PosixFile.rename(path, to: target.path)
        if let file = CacheFileName.parse(name) {
            var manifest = try manifest(symbol: symbol, interval: interval)
            for day in file.range.days { manifest.days[day] = nil }
            try AtomicFile.write(Array(try JSONEncoder.cache.encode(manifest)), to: manifestURL(symbol: symbol, interval: interval))
        }
        return target
    }

    /// `load`, moving each damaged file of the symbol aside instead of failing (what `fetch` does
    /// before it plans, so the damaged days are fetched again). Returns the files moved.
    public func loadRepairing(symbol: String, interval: Interval, range: DayRange) throws -> (bars: BarSeries, quarantined: [URL]) {
        var moved: [URL] = []
        while true {
            do {
                return (try load(symbol: symbol, interval: interval, range: range), moved)
            } catch BarCacheError.corrupt(let e) where e.file.hasPrefix(directory(symbol: symbol, interval: interval).path + "/") {
                moved.append(try quarantine(e.file, symbol: symbol, interval: interval))
            }
        }
    }

    /// `heldDays`, after moving damaged files, and day files whose bytes differ from the
    /// manifest's SHA-256, aside (their days are then not held).
    public func heldDaysRepairing(symbol: String, interval: Interval, range: DayRange,
                                  calendar: TradingCalendar) throws -> (days: Set<CalendarDay>, quarantined: [URL]) {
        var (bars, moved) = try loadRepairing(symbol: symbol, interval: interval, range: range)
        let changed = try Coverage.verify(cache: self, symbol: symbol, interval: interval, range: range).filter { $0.actual != nil }
        for mismatch in changed { moved.append(try quarantine(mismatch.file, symbol: symbol, interval: interval)) }
        // Read again only when a file was moved aside after the bars were loaded.
        if !changed.isEmpty { bars = try load(symbol: symbol, interval: interval, range: range) }
        return (try heldDays(in: bars, symbol: symbol, interval: interval, range: range, calendar: calendar), moved)
    }
}
