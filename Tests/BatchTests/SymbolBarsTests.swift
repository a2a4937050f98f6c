import Batch
import MarketData
import Synchronization
import Testing

@Suite struct SymbolBarsTests {
    /// A symbol is read once for all its windows and released after its last.
    @Test func readsOncePerSymbolAndReleasesAfterItsLastWindow() throws {
        let reads = Mutex<[String]>([])
        let store = SymbolBars(windows: ["TCS": 2, "INFY": 1]) { symbol in
            reads.withLock { $0.append(symbol) }
            return BarSeries(bars: [Bar(timestamp: 0, open: 1, high: 1, low: 1, close: 1, volume: 1)])
        }
        _ = try store.bars("TCS")
        _ = try store.bars("TCS")
        #expect(reads.withLock { $0 } == ["TCS"])
        store.done("TCS")
        #expect(store.heldSymbols == ["TCS"])
        store.done("TCS")
        #expect(store.heldSymbols.isEmpty)
        _ = try store.bars("INFY")
        #expect(store.heldSymbols == ["INFY"])
    }
}
