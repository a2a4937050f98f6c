import Foundation
import Batch
import MarketData
@testable import Reports
import Testing

@Suite struct ReasonNormalizerTests {
    @Test func symbolsAndDatesBecomePlaceholders() {
        #expect(ReasonNormalizer.normalize("No data returned for SBIN", symbol: "SBIN") == "No data returned for [SYMBOL]")
        #expect(ReasonNormalizer.normalize("No data returned for WIPRO", symbol: "WIPRO") == "No data returned for [SYMBOL]")
        #expect(ReasonNormalizer.normalize("LightGBM failed for SBIN, line 344 .\n", symbol: "SBIN") == "LightGBM failed for [SYMBOL], line 344 .")
        #expect(ReasonNormalizer.normalize("SBIN: the cache has no bars in 2024-01-01..2024-06-29", symbol: "SBIN")
            == "[SYMBOL]: the cache has no bars in [DATE]..[DATE]")
    }

    @Test func onlyWholeSymbolsAreReplaced() {
        #expect(ReasonNormalizer.normalize("ITC and ITCHOTELS", symbol: "ITC") == "[SYMBOL] and ITCHOTELS")
        #expect(ReasonNormalizer.normalize("M&M failed; M&MFIN did not", symbol: "M&M") == "[SYMBOL] failed; M&MFIN did not")
        #expect(ReasonNormalizer.normalize("need 20, have 12024-01-011", symbol: "X") == "need 20, have 12024-01-011")
    }
}

@Suite struct RemedyMergerTests {
    func fetch(_ symbols: String, _ start: String, _ end: String, dataDir: String? = nil) -> Remedy {
        .fetch(FetchRemedy(symbols: symbols.split(separator: " ").map(String.init),
                           range: DayRange(CalendarDay(start)!, CalendarDay(end)!), dataDir: dataDir))
    }

    @Test func sameDatesMergeIntoOneCommandOverAllSymbols() {
        let merged = RemedyMerger.merge([
            fetch("SBIN", "2024-01-01", "2024-06-29"),
            fetch("WIPRO", "2024-01-01", "2024-06-29"),
            fetch("SBIN", "2024-01-01", "2024-06-29"),
        ])
        #expect(merged == [fetch("SBIN WIPRO", "2024-01-01", "2024-06-29")])
        #expect(merged.map(RemedyText.render) == ["sensequant fetch --symbols SBIN WIPRO --start-date 2024-01-01 --end-date 2024-06-29"])
    }

    @Test func overlappingAndTouchingRangesOfTheSameSymbolsJoin() {
        let merged = RemedyMerger.merge([
            fetch("A B", "2024-01-01", "2024-03-31"),
            fetch("A B", "2024-04-01", "2024-06-30"),
            fetch("A B", "2024-06-15", "2024-09-30"),
            fetch("A B", "2025-01-01", "2025-02-01"),
        ])
        #expect(merged == [fetch("A B", "2024-01-01", "2024-09-30"), fetch("A B", "2025-01-01", "2025-02-01")])
    }

    @Test func differentDataRootsOrSymbolSetsStaySeparateAndOtherRemediesAreKeptOnce() {
        let widen = Remedy.advice("widen --start-date/--end-date")
        let merged = RemedyMerger.merge([
            fetch("A", "2024-01-01", "2024-03-31", dataDir: "other"),
            fetch("A", "2024-01-01", "2024-03-31"),
            fetch("B", "2024-02-01", "2024-05-31"),
            widen,
            widen,
        ])
        #expect(merged == [
            fetch("A", "2024-01-01", "2024-03-31", dataDir: "other"),
            fetch("A", "2024-01-01", "2024-03-31"),
            fetch("B", "2024-02-01", "2024-05-31"),
            widen,
        ])
    }
}

@Suite struct TeacherMetricsTests {
    @Test(arguments: [
        (#"{"val_auc":0.625}"#, 0.625 as Double?),
        (#"{"val_auc":1}"#, 1.0),
        (#"{"val_auc":null}"#, nil),
        (#"{"val_f1":0.5}"#, nil),
        (#"{"val_auc":"0.6"}"#, nil),
        (#"{"val_auc":true}"#, nil),
        (#"{"val_auc":NaN}"#, nil),
        (#"{"val_auc":0.7"#, nil),
        ("[0.7]", nil),
    ])
    func aucIsReadDefensively(json: String, expected: Double?) {
        #expect(TeacherMetrics.number("val_auc", in: json) == expected)
    }

    @Test func noMetricsIsNoValue() {
        #expect(TeacherMetrics.number("val_auc", in: nil) == nil)
    }
}

@Suite struct DistributionTests {
    @Test func aucBinsCoverZeroToOneAndCountEveryValue() {
        let d = DistributionBuilder.auc([0, 0.05, 0.5, 0.999, 1.0], excluded: 3, exclusionReason: "r")
        #expect(d.bins.count == 20)
        #expect(d.bins.first?.lower == 0 && d.bins.last?.upper == 1)
        #expect(d.bins[0].count == 1 && d.bins[1].count == 1 && d.bins[10].count == 1 && d.bins[19].count == 2)
        #expect(d.count == 5 && d.excluded == 3 && d.median == 0.5 && d.minimum == 0 && d.maximum == 1)
    }

    @Test func durationBinsHaveARoundWidthAndCountEveryValue() {
        let values = [0.004, 0.0045, 0.005, 0.0071, 0.012]
        let d = DistributionBuilder.durations(values, excluded: 0, exclusionReason: "r")
        let width = d.bins[0].upper - d.bins[0].lower
        #expect(abs(width - 0.001) < 1e-12)
        #expect(d.bins.map(\.count).reduce(0, +) == values.count)
        #expect(d.bins.first!.lower <= 0.004 && d.bins.last!.upper > 0.012)
        #expect(d.median == 0.005)
    }

    @Test func oneRepeatedValueStillGetsABin() {
        let d = DistributionBuilder.durations([2, 2, 2], excluded: 0, exclusionReason: "r")
        #expect(d.bins.map(\.count).reduce(0, +) == 3)
        #expect(d.median == 2 && d.mean == 2)
    }

    @Test func noValuesGiveNoBinsAndNoStatistics() {
        let d = DistributionBuilder.durations([], excluded: 4, exclusionReason: "r")
        #expect(d.bins.isEmpty && d.count == 0 && d.median == nil && d.excluded == 4)
    }
}

@Suite struct TextTests {
    @Test func markdownCodeSpansSurviveBackticks() {
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`x`") == "`` `x` ``")
        #expect(MarkdownText.cell("a|b\nc") == "a\\|b c")
    }

    @Test func htmlEscapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func percentagesKeepTwoDecimals() {
        #expect(Formatting.percent(16.0 / 192) == "8.33%")
        #expect(Formatting.percent(0.1499) == "14.99%")
        #expect(Formatting.clock(576) == "09:36")
        #expect(Formatting.clock(3723) == "1:02:03")
    }
}
