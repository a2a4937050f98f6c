import Foundation
import SystemIO

/// The data root: everything the tool writes lives under one directory (`--data-dir`).
public struct DataRoot: Sendable {
    public let url: URL
    public init(url: URL) { self.url = url.standardizedFileURL }
    public init(path: String) { self.init(url: URL(fileURLWithPath: path)) }

    public static let defaultPath = "data"

    /// How commands printed for the user name this root: `data` when it is the default.
    public var displayPath: String { url.path == DataRoot(path: DataRoot.defaultPath).url.path ? DataRoot.defaultPath : url.path }

    /// The `--data-dir` value of commands printed for the user, nil for the default root.
    public var dataDirArgument: String? { displayPath == DataRoot.defaultPath ? nil : url.path }

    public var historical: URL { url.appendingPathComponent("historical") }
    public var models: URL { url.appendingPathComponent("models") }
    public var state: URL { url.appendingPathComponent("state") }
    public var cache: BarCache { BarCache(root: historical) }
}

public enum BarCacheError: ClassifiedError {
    case sourceConflict(symbol: String, interval: Interval, existing: DataSource, incoming: DataSource, directory: String)
    case corrupt(CSVError)

    public var failureClass: FailureClass {
        switch self {
        case .sourceConflict: .invalidInput
        case .corrupt: .dataCorrupt
        }
    }

    public var description: String {
        switch self {
        case let .sourceConflict(symbol, interval, existing, incoming, directory):
            "\(symbol) \(interval.rawValue): the cache holds \(existing == .synthetic ? "synthetic" : "real") data and this write is \(incoming.rawValue); "
                + "refusing to mix them. Use another --data-dir, or remove \(directory) first."
        case .corrupt(let e):
            "damaged cache file \(e.description)"
        }
    }

    /// For a damaged day or range file: the fetch of its days, which moves it to the quarantine
    /// first (the path is `<data root>/historical/<SYMBOL>/<INTERVAL>/<file>`).
    public var remedy: Remedy? {
        guard case .corrupt(let e) = self else { return nil }
        let file = URL(fileURLWithPath: e.file)
        let intervalDir = file.deletingLastPathComponent()
        let symbolDir = intervalDir.deletingLastPathComponent()
        guard let interval = Interval(rawValue: intervalDir.lastPathComponent),
              let name = CacheFileName.parse(file.lastPathComponent) else { return nil }
        let root = DataRoot(url: symbolDir.deletingLastPathComponent().deletingLastPathComponent())
        return .fetch(FetchRemedy(symbols: [symbolDir.lastPathComponent], range: name.range, interval: interval,
                                  dataDir: root.dataDirArgument))
    }
}

/// The on-disk bar cache, in the original's layout (REFERENCE.md §1):
/// `<root>/<SYMBOL>/<INTERVAL>/<YYYY-MM-DD>.csv`, also reading range files
/// (`<FROM>_to_<TO>.csv`) and `.csv.gz`. This type is the only place that knows the layout.
public struct BarCache: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root }

    public func directory(symbol: String, interval: Interval) -> URL {
        root.appendingPathComponent(symbol).appendingPathComponent(interval.rawValue)
    }

    func manifestURL(symbol: String, interval: Interval) -> URL {
        directory(symbol: symbol, interval: interval).appendingPathComponent("manifest.json")
    }

    /// Symbols with a directory in the cache.
    public func symbols() -> [String] {
        PosixFile.list(root.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    // MARK: Reading

    /// Bars whose IST day lies in `range`, de-duplicated by timestamp and sorted. Only files
    /// whose dates overlap the range are opened. Daily files win over range files on conflict.
    public func load(symbol: String, interval: Interval, range: DayRange) throws -> BarSeries {
        let dir = directory(symbol: symbol, interval: interval)
        let files = CacheFileName.files(in: dir.path).filter { $0.range.first <= range.last && range.first <= $0.range.last }
        let lo = range.first.startEpochSeconds
        let hi = range.last.adding(days: 1).startEpochSeconds
        // Straight into columns: one file's rows at a time are the only row-shaped copy.
        var series = BarSeries()
        var sorted = true
        let dirPath = dir.path
        for file in files {
            let path = dirPath + "/" + file.name
            let parsed = try Self.parse(path, gzipped: file.gzipped)
            for bar in parsed where bar.timestamp >= lo && bar.timestamp < hi {
                if let last = series.timestamps.last, last >= bar.timestamp { sorted = false }
                series.appendUnchecked(bar)
            }
        }
        return sorted ? series : BarSeries(bars: (0..<series.count).map { series[$0] })
    }

    /// The last day any file of the symbol covers, from the file names alone (no file is read).
    public func lastFileDay(symbol: String, interval: Interval) -> CalendarDay? {
        CacheFileName.files(in: directory(symbol: symbol, interval: interval).path).map(\.range.last).max()
    }

    /// A day or range file's bars; any damage (bad gzip, missing header, a bad row) is
    /// `BarCacheError.corrupt` naming the file and line.
    static func parse(_ path: String, gzipped: Bool) throws -> [Bar] {
        do {
            var bytes = try PosixFile.read(path)
            if gzipped { bytes = try Gzip.decompress(bytes) }
            let parsed = try BarCSV.parse(bytes, file: path)
            if let problem = parsed.problems.first {
                throw CSVError(file: path, line: problem.line, message: problem.message)
            }
            return parsed.bars
        } catch let e as CSVError {
            throw BarCacheError.corrupt(e)
        } catch let e as GzipError {
            throw BarCacheError.corrupt(CSVError(file: path, line: 0, message: e.description))
        }
    }

    /// The manifest, or an empty one when the cache was written without one (the original).
    public func manifest(symbol: String, interval: Interval) throws -> CacheManifest {
        let url = manifestURL(symbol: symbol, interval: interval)
        guard FileManager.default.fileExists(atPath: url.path) else { return CacheManifest(symbol: symbol, interval: interval) }
        do {
            return try JSONDecoder.cache.decode(CacheManifest.self, from: Data(PosixFile.read(url.path)))
        } catch {
            throw BarCacheError.corrupt(CSVError(file: url.path, line: 0, message: "unreadable manifest (\(error)); delete it to rebuild from the day files"))
        }
    }

    /// Days that hold all their session's bars: in a day or range file (the original's caches
    /// have no manifest), or recorded with enough rows in the manifest. Days the provider answered
    /// without bars, and intraday days holding fewer bars than their session (an interrupted
    /// fetch), are not held: a later fetch asks for them again, so the fix is always a plain fetch.
    /// Without a calendar, one bar holds a day.
    public func heldDays(symbol: String, interval: Interval, range: DayRange, calendar: TradingCalendar? = nil) throws -> Set<CalendarDay> {
        try heldDays(in: load(symbol: symbol, interval: interval, range: range), symbol: symbol, interval: interval,
                     range: range, calendar: calendar)
    }

    /// `heldDays` from bars already loaded for `range`.
    func heldDays(in bars: BarSeries, symbol: String, interval: Interval, range: DayRange,
                  calendar: TradingCalendar?) throws -> Set<CalendarDay> {
        func complete(_ day: CalendarDay, _ bars: Int) -> Bool {
            bars >= (calendar.map { SessionBars.expected(on: day, interval: interval, calendar: $0) } ?? 1)
        }
        var counts: [CalendarDay: Int] = [:]
        for ts in bars.timestamps { counts[CalendarDay(containing: ts), default: 0] += 1 }
        var days = Set(counts.filter { complete($0.key, $0.value) }.keys)
        for (day, record) in try manifest(symbol: symbol, interval: interval).days where range.contains(day) && counts[day] == nil && record.rows > 0 && complete(day, record.rows) {
            days.insert(day)
        }
        return days
    }

    // MARK: Writing

    /// Writes one file per day (atomically) and records every day of `coveredDays` in the
    /// manifest, including days without bars, so a rerun knows they were fetched.
    /// Refuses to mix synthetic with real data for one symbol and interval.
    public func write(_ series: BarSeries, symbol: String, interval: Interval, source: DataSource,
                      fetchedAt: Date = Date(), coveredDays: [CalendarDay]? = nil) throws {
        var manifest = try manifest(symbol: symbol, interval: interval)
        try checkSourceClass(manifest: manifest, incoming: source, symbol: symbol, interval: interval)
        let dir = directory(symbol: symbol, interval: interval)
        var byDay: [CalendarDay: Range<Int>] = [:]
        var i = 0
        while i < series.count {
            let day = CalendarDay(containing: series.timestamps[i])
            var j = i + 1
            while j < series.count && CalendarDay(containing: series.timestamps[j]) == day { j += 1 }
            byDay[day] = i..<j
            i = j
        }
        var files: [(bytes: [UInt8], url: URL)] = []
        for (day, rows) in byDay.sorted(by: { $0.key < $1.key }) {
            let bytes = BarCSV.format(series.sliceIndices(rows))
            files.append((bytes, dir.appendingPathComponent(CacheFileName.daily(day))))
            manifest.days[day] = DayRecord(rows: rows.count, source: source, fetchedAt: fetchedAt, sha256: SHA256.hex(bytes))
        }
        // The days are on the disk before the manifest that lists them.
        try AtomicFile.writeBatch(files, in: dir)
        for day in coveredDays ?? [] where byDay[day] == nil {
            manifest.days[day] = DayRecord(rows: 0, source: source, fetchedAt: fetchedAt, sha256: "")
        }
        try AtomicFile.write(Array(try JSONEncoder.cache.encode(manifest)), to: manifestURL(symbol: symbol, interval: interval))
    }

    private func checkSourceClass(manifest: CacheManifest, incoming: DataSource, symbol: String, interval: Interval) throws {
        guard let existing = manifest.sourceClass, existing.isReal != incoming.isReal else { return }
        throw BarCacheError.sourceConflict(symbol: symbol, interval: interval, existing: existing, incoming: incoming,
                                           directory: directory(symbol: symbol, interval: interval).path)
    }
}

/// File names of the cache layout.
enum CacheFileName {
    struct File {
        var name: String
        var range: DayRange
        var gzipped: Bool
        var isRangeFile: Bool
    }

    static func daily(_ day: CalendarDay) -> String { "\(day).csv" }

    /// Parses `YYYY-MM-DD.csv[.gz]` and `YYYY-MM-DD_to_YYYY-MM-DD.csv[.gz]`; other names are ignored.
    static func parse(_ name: String) -> File? {
        guard !name.hasPrefix(".") else { return nil }
        var stem = Substring(name)
        var gz = false
        if stem.hasSuffix(".csv.gz") { stem = stem.dropLast(7); gz = true }
        else if stem.hasSuffix(".csv") { stem = stem.dropLast(4) }
        else { return nil }
        if stem.count == 10, let day = CalendarDay(stem) {
            return File(name: name, range: DayRange(day, day), gzipped: gz, isRangeFile: false)
        }
        if stem.count == 24, stem.dropFirst(10).hasPrefix("_to_"),
           let a = CalendarDay(stem.prefix(10)), let b = CalendarDay(stem.suffix(10)), a <= b {
            return File(name: name, range: DayRange(a, b), gzipped: gz, isRangeFile: true)
        }
        return nil
    }

    /// Cache files of a directory: range files first, then day files, each by date, so that
    /// later (more specific) files win when timestamps repeat.
    static func files(in directory: String) -> [File] {
        PosixFile.list(directory).compactMap(parse).sorted {
            ($0.isRangeFile ? 0 : 1, $0.range.first.ordinal, $0.name) < ($1.isRangeFile ? 0 : 1, $1.range.first.ordinal, $1.name)
        }
    }
}

extension JSONEncoder {
    /// Stable output: sorted keys, ISO-8601 dates, so equal content gives equal bytes.
    public static var cache: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .iso8601
        return e
    }
}

extension JSONDecoder {
    public static var cache: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}
