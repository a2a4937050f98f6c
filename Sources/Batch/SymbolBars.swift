import MarketData
import Synchronization

/// Each symbol's bars, read from the cache when its first window asks and released when its
/// last window is done, so a batch holds only the symbols being trained, not the universe
/// (a NIFTY 100 year of 1-minute bars is ~470 MB as columns; a few symbols are a few MB).
public final class SymbolBars: Sendable {
    public typealias Loader = @Sendable (String) throws -> BarSeries

    private struct Entry {
        var remaining: Int
        var bars: BarSeries?
    }

    private let load: Loader
    private let entries: Mutex<[String: Entry]>
    /// One lock per symbol, so two windows of one symbol load it once while other symbols load
    /// in parallel.
    private let loading: [String: LoadLock]

    private final class LoadLock: Sendable {
        let mutex = Mutex(())
    }

    /// `windows`: how many windows of each symbol will ask (the symbol is released after that many `done` calls).
    public init(windows: [String: Int], load: @escaping Loader) {
        self.load = load
        entries = Mutex(windows.mapValues { Entry(remaining: $0, bars: nil) })
        loading = windows.mapValues { _ in LoadLock() }
    }

    /// The symbol's bars, loaded on first use.
    public func bars(_ symbol: String) throws -> BarSeries {
        guard let lock = loading[symbol] else { return try load(symbol) }
        return try lock.mutex.withLock { _ in
            if let held = entries.withLock({ $0[symbol]?.bars }) { return held }
            let bars = try load(symbol)
            entries.withLock { $0[symbol]?.bars = bars }
            return bars
        }
    }

    /// One of the symbol's windows is done; after the last, its bars are released.
    public func done(_ symbol: String) {
        entries.withLock { e in
            guard var entry = e[symbol] else { return }
            entry.remaining -= 1
            if entry.remaining <= 0 { entry.bars = nil }
            e[symbol] = entry
        }
    }

    /// Symbols whose bars are held now (for tests and memory accounting).
    public var heldSymbols: [String] {
        entries.withLock { $0.filter { $0.value.bars != nil }.keys.sorted() }
    }
}
