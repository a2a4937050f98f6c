import Breeze
import BreezeSandbox
import Foundation
import MarketData
import SyntheticMarket
import Testing

@Suite("Breeze client against the sandbox")
struct ClientSandboxTests {
    @Test func dailyBarsArriveForEveryTradingDay() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let range = days("2024-01-01", "2024-03-31")
        let bars = try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneDay, days: range)
        let expected = try TradingCalendar.nse().tradingDays(in: range)
        #expect(bars.days == expected)
        #expect(bars == sandbox.market.bars(symbol: "RELIANCE", interval: .oneDay, range: range))
        #expect(bars.timestamps.first == day("2024-01-01").startEpochSeconds)
    }

    @Test func intradayTimestampsAreIST() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let bars = try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .fiveMinute, days: days("2024-01-02", "2024-01-02"))
        #expect(bars.count == 75)
        #expect(IST.format(bars.timestamps[0]) == "2024-01-02 09:15:00+05:30")
        #expect(IST.format(bars.timestamps[74]) == "2024-01-02 15:25:00+05:30")
    }

    @Test func moreThanTheCapIsTruncatedToTheLastThousand() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let range = days("2024-01-01", "2024-01-05")  // 5 trading days x 375 one-minute bars
        let bars = try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneMinute, days: range)
        let all = sandbox.market.bars(symbol: "RELIANCE", interval: .oneMinute, range: range)
        #expect(all.count == 1875)
        #expect(bars.count == 1000)
        #expect(bars == all.sliceIndices(875..<1875))
    }

    @Test func numbersSentAsStringsDecode() async throws {
        let sandbox = try await SandboxHarness.start { $0.numbersAsStrings = true }
        defer { Task { await sandbox.server.stop() } }
        let range = days("2024-02-01", "2024-02-29")
        let bars = try await sandbox.client().historicalBars(stockCode: "RELIND", interval: .oneDay, days: range)
        #expect(bars == sandbox.market.bars(symbol: "RELIANCE", interval: .oneDay, range: range))
    }

    @Test func unknownCodeIsNoDataNotZeroBars() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        await #expect(throws: BreezeError.noData) {
            try await sandbox.client().historicalBars(stockCode: "NOSUCH", interval: .oneDay, days: days("2024-01-01", "2024-01-31"))
        }
    }

    @Test func emptyFaultAnswersWithoutCandles() async throws {
        let sandbox = try await SandboxHarness.start(faults: ["empty:RELIANCE:2024-01-01..2024-01-31"])
        defer { Task { await sandbox.server.stop() } }
        let client = sandbox.client()
        await #expect(throws: BreezeError.noData) {
            try await client.historicalBars(stockCode: "RELIND", interval: .oneDay, days: days("2024-01-01", "2024-01-31"))
        }
        let february = try await client.historicalBars(stockCode: "RELIND", interval: .oneDay, days: days("2024-01-15", "2024-02-29"))
        #expect(february.firstDay == day("2024-02-01"))
    }

    @Test func invalidParametersAreInvalidRequest() async throws {
        let sandbox = try await SandboxHarness.start()
        defer { Task { await sandbox.server.stop() } }
        let error = await #expect(throws: BreezeError.self) {
            try await sandbox.client().historicalBars(stockCode: "", interval: .oneDay, days: days("2024-01-01", "2024-01-31"))
        }
        #expect(error == .invalidRequest("Status 400: Stock-Code cannot be empty"))
        #expect(error?.failureClass == .invalidInput)
    }
}
