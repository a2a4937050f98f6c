import Foundation
import Testing
import Backtest
import MarketData

private let schedule = try! CostSchedule.bundled()
private let calculator = CostCalculator(schedule: schedule)
private let lakh = Money(paise: 1_00_000_00)

private func day(_ text: String) -> CalendarDay { CalendarDay(text)! }
private func rs(_ paise: Int) -> Money { Money(paise: paise) }

@Suite("Costs: hand-computed contract notes")
struct ContractNoteTests {
    @Test func deliveryBuyOnTheDiscountPlan() throws {
        let c = try calculator.charges(Order(side: .buy, value: lakh, date: day("2024-11-05")), plan: .zeroDelivery)
        #expect(c == Charges(brokerage: .zero, stt: rs(100_00), exchangeTxn: rs(2_97), sebi: rs(10), stamp: rs(15_00), gst: rs(55), dp: .zero))
        #expect(c.total == rs(118_62))
    }

    @Test func deliverySellOnTheDiscountPlan() throws {
        let c = try calculator.charges(Order(side: .sell, value: lakh, date: day("2024-11-05")), plan: .zeroDelivery)
        #expect(c == Charges(brokerage: .zero, stt: rs(100_00), exchangeTxn: rs(2_97), sebi: rs(10), stamp: .zero, gst: rs(55), dp: rs(15_93)))
        #expect(c.total == rs(119_55))
    }

    // Intraday Rs 1,00,000 round trip on 2024-11-05, discount plan:
    // buy:  brokerage min(30.00, 20) = 20.00; STT 0 (sell only); exchange 2.97; SEBI 0.10; stamp 0.003% = 3.00;
    //       GST 18% of (20 + 2.97 + 0.10 = 23.07) = 4.1526 -> 4.15; total 30.22
    // sell: brokerage 20.00; STT 0.025% = 25.00; exchange 2.97; SEBI 0.10; stamp 0; GST 4.15; no DP; total 52.22
    @Test func intradayRoundTrip() throws {
        let date = day("2024-11-05")
        let buy = try calculator.charges(Order(side: .buy, value: lakh, date: date, product: .intraday), plan: .zeroDelivery)
        let sell = try calculator.charges(Order(side: .sell, value: lakh, date: date, product: .intraday), plan: .zeroDelivery)
        #expect(buy == Charges(brokerage: rs(20_00), stt: .zero, exchangeTxn: rs(2_97), sebi: rs(10), stamp: rs(3_00), gst: rs(4_15), dp: .zero))
        #expect(sell == Charges(brokerage: rs(20_00), stt: rs(25_00), exchangeTxn: rs(2_97), sebi: rs(10), stamp: .zero, gst: rs(4_15), dp: .zero))
        #expect(buy.total + sell.total == rs(82_44))
    }

    // 2023-06-15 is before 2024-10-01: exchange 0.00322% = 3.22; GST 18% of 3.32 = 0.5976 -> 0.60;
    // total 100 + 3.22 + 0.10 + 15 + 0.60 = 118.92
    @Test func tradeBeforeOctober2024UsesTheOlderExchangeRate() throws {
        let quote = try calculator.quote(Order(side: .buy, value: lakh, date: day("2023-06-15")), plan: .zeroDelivery)
        #expect(quote.charges.exchangeTxn == rs(3_22))
        #expect(quote.charges.gst == rs(60))
        #expect(quote.charges.total == rs(118_92))
        let row = try #require(quote.rows.first { $0.charge == .exchangeTxn })
        #expect(row.effectiveFrom == day("2018-01-01"))
        #expect(row.source.contains("APPROXIMATE"))
    }

    @Test func theNewExchangeRateStartsOnItsEffectiveDate() throws {
        let before = try calculator.charges(Order(side: .buy, value: lakh, date: day("2024-09-30")), plan: .zeroDelivery)
        let on = try calculator.charges(Order(side: .buy, value: lakh, date: day("2024-10-01")), plan: .zeroDelivery)
        #expect(before.exchangeTxn == rs(3_22))
        #expect(on.exchangeTxn == rs(2_97))
    }

    // 0.55% of 1,00,000 = 550.00 (above the Rs 35 minimum); GST 18% of (550 + 2.97 + 0.10 = 553.07) = 99.5526 -> 99.55;
    // total 550 + 100 + 2.97 + 0.10 + 15 + 99.55 = 767.62
    @Test func percentMinPlanAboveItsMinimum() throws {
        let c = try calculator.charges(Order(side: .buy, value: lakh, date: day("2024-11-05")), plan: .percentMin())
        #expect(c.brokerage == rs(550_00))
        #expect(c.gst == rs(99_55))
        #expect(c.total == rs(767_62))
    }

    // Rs 5,000: 0.55% = 27.50 < 35 so brokerage 35.00; STT 5.00; exchange 0.1485 -> 0.15; SEBI 0.005 -> 0.01 (half-up);
    // stamp 0.75; GST 18% of (35 + 0.15 + 0.01 = 35.16) = 6.3288 -> 6.33; total 47.24
    @Test func percentMinPlanAtItsMinimum() throws {
        let c = try calculator.charges(Order(side: .buy, value: rs(5_000_00), date: day("2024-11-05")), plan: .percentMin())
        #expect(c == Charges(brokerage: rs(35_00), stt: rs(5_00), exchangeTxn: rs(15), sebi: rs(1), stamp: rs(75), gst: rs(6_33), dp: .zero))
        #expect(c.total == rs(47_24))
    }

    @Test func percentMinIntradayIsAFlatFeePerOrder() throws {
        let c = try calculator.charges(Order(side: .buy, value: lakh, date: day("2024-11-05"), product: .intraday), plan: .percentMin())
        #expect(c.brokerage == rs(20_00))
    }
}

@Suite("Costs: schedule and plans as data")
struct ScheduleTests {
    @Test func aDateBeforeAnyRowNamesTheChargeAndDate() {
        #expect(throws: CostScheduleError.noRateInForce(charge: .sebi, product: .delivery, side: .buy, date: day("2019-01-15"))) {
            try calculator.charges(Order(side: .buy, value: lakh, date: day("2019-01-15")), plan: .zeroDelivery)
        }
        let error = CostScheduleError.noRateInForce(charge: .stamp, product: .delivery, side: .buy, date: day("2020-06-30"))
        #expect(error.description.contains("stamp") && error.description.contains("2020-06-30"))
    }

    @Test func aScheduleLoadsFromAFileAndOverridesTheBundledOne() throws {
        let url = try temporaryFile(bundledText().replacingOccurrences(of: "\"rate\": 0.001,", with: "\"rate\": 0.002,"))
        let custom = try CostSchedule.load(from: url)
        let c = try CostCalculator(schedule: custom).charges(Order(side: .buy, value: lakh, date: day("2024-11-05")), plan: .zeroDelivery)
        #expect(c.stt == rs(200_00))
    }

    @Test func aMalformedFileNamesTheFileAndTheProblem() throws {
        let badDate = try temporaryFile(bundledText().replacingOccurrences(of: "\"2019-04-01\"", with: "\"2019-4-1\""))
        #expect(throws: CostScheduleError.self) { try CostSchedule.load(from: badDate) }
        do {
            _ = try CostSchedule.load(from: badDate)
        } catch {
            #expect(error.description.contains(badDate.path))
            #expect(error.description.contains("2019-4-1"))
        }

        let missingRow = try temporaryFile(#"{"name": "x", "rows": []}"#)
        do {
            _ = try CostSchedule.load(from: missingRow)
            Issue.record("an empty schedule loaded")
        } catch {
            #expect(error == .malformed(file: missingRow.path, problem: "no stt row for delivery buy"))
        }

        let notJSON = try temporaryFile("rows: none")
        #expect(throws: CostScheduleError.self) { try CostSchedule.load(from: notJSON) }
    }

    @Test func aCustomPlanRoundTripsThroughJSON() throws {
        let plan = BrokeragePlan.percentMin(name: "icici-prime", deliveryRate: decimal(25, exponent: -4), deliveryMinimumPerOrder: 20)
        let url = try temporaryFile(String(decoding: try JSONEncoder().encode(plan), as: UTF8.self))
        #expect(try BrokeragePlan.load(from: url) == plan)
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self).contains("\"maximum\":null"))
    }

    @Test func theCostsCommandTextShowsRatesDatesAndTotal() throws {
        let quote = try calculator.quote(Order(side: .buy, value: lakh, date: day("2024-11-05")), plan: .zeroDelivery)
        let text = CostQuoteText.render(quote)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "delivery buy of Rs 100000.00 on 2024-11-05, plan zero-delivery")
        #expect(lines.contains("exchange_txn       2.97  0.00297% of value, effective from 2024-10-01"))
        #expect(lines.contains("stamp             15.00  0.015% of value, effective from 2020-07-01"))
        #expect(lines.contains { $0.hasPrefix("gst                0.55  18% of brokerage + exchange_txn + sebi (3.07)") })
        #expect(lines.last == "total            118.62")
    }
}

private func bundledText() throws -> String {
    let url = try #require(CostSchedule.bundledURL)
    return try String(contentsOf: url, encoding: .utf8)
}

func temporaryFile(_ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("backtest-\(UUID().uuidString).json")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}
