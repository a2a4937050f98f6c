import Ingest
import MarketData
import Testing

@Suite("Chunk planning")
struct ChunkPlannerTests {
    let calendar = try! TradingCalendar.nse()

    @Test func chunksStayBelowTheCandleCap() {
        #expect(ChunkPlanner.maxTradingDaysPerChunk(.oneDay) == 999)
        #expect(ChunkPlanner.maxTradingDaysPerChunk(.thirtyMinute) == 76)
        #expect(ChunkPlanner.maxTradingDaysPerChunk(.fiveMinute) == 13)
        #expect(ChunkPlanner.maxTradingDaysPerChunk(.oneMinute) == 2)
        for interval in Interval.allCases {
            #expect(ChunkPlanner.maxTradingDaysPerChunk(interval) * interval.barsPerTradingDay < ChunkPlanner.candleCap)
        }
    }

    @Test func oneMinuteChunksCoverEveryMissingDayOnce() throws {
        let tradingDays = try calendar.tradingDays(in: days("2024-01-01", "2024-01-31"))
        let chunks = ChunkPlanner.chunks(symbol: "SBIN", stockCode: "STABAN", interval: .oneMinute,
                                         missing: Set(tradingDays), tradingDays: tradingDays)
        #expect(chunks.flatMap(\.days) == tradingDays)
        #expect(chunks.allSatisfy { $0.days.count <= 2 })
        #expect(chunks.count == (tradingDays.count + 1) / 2)
    }

    @Test func cachedDaysSplitRunsAndAreNotRequested() throws {
        let tradingDays = try calendar.tradingDays(in: days("2024-01-01", "2024-03-31"))
        let cached = Set(tradingDays[10..<20])
        let missing = Set(tradingDays).subtracting(cached)
        let chunks = ChunkPlanner.chunks(symbol: "SBIN", stockCode: "STABAN", interval: .oneDay, missing: missing, tradingDays: tradingDays)
        #expect(chunks.count == 2)
        #expect(chunks[0].days == Array(tradingDays[0..<10]))
        #expect(chunks[1].days == Array(tradingDays[20...]))
        #expect(chunks[1].range.first == tradingDays[20])
    }

    @Test func longDailyRangesAreCut() throws {
        let tradingDays = try calendar.tradingDays(in: days("2018-01-01", "2023-12-31"))
        let chunks = ChunkPlanner.chunks(symbol: "TCS", stockCode: "TCS", interval: .oneDay, missing: Set(tradingDays), tradingDays: tradingDays)
        #expect(tradingDays.count > 1000)
        #expect(chunks.map(\.days.count) == [999, tradingDays.count - 999])
    }

    @Test func nothingMissingPlansNothing() throws {
        let tradingDays = try calendar.tradingDays(in: days("2024-01-01", "2024-01-31"))
        #expect(ChunkPlanner.chunks(symbol: "TCS", stockCode: "TCS", interval: .oneDay, missing: [], tradingDays: tradingDays).isEmpty)
    }

    @Test func halvesSplitByTradingDays() throws {
        let tradingDays = try calendar.tradingDays(in: days("2024-01-01", "2024-01-12"))
        let chunk = FetchChunk(symbol: "TCS", stockCode: "TCS", interval: .oneDay, days: tradingDays)
        let (a, b) = try #require(chunk.halves())
        #expect(a.days + b.days == tradingDays)
        #expect(FetchChunk(symbol: "TCS", stockCode: "TCS", interval: .oneDay, days: [tradingDays[0]]).halves() == nil)
    }
}
