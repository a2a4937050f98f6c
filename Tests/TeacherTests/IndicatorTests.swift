import Testing
@testable import Teacher

/// Small series worked out by hand (the arithmetic is in the comments).
@Suite struct IndicatorTests {
    func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || abs($0 - $1) < 1e-12 }
    }

    @Test func rollingStatistics() {
        #expect(same(Indicators.rollingMean([1, 2, 3, 4, 5], 3), [.nan, .nan, 2, 3, 4]))
        #expect(same(Indicators.rollingSum([1, 2, 3, 4], 2), [.nan, 3, 5, 7]))
        // Sample std of (2, 4, 9): mean 5, squares 9 + 1 + 16 = 26, /2 = 13.
        #expect(same(Indicators.rollingStd([2, 4, 9], 3), [.nan, .nan, 13.0.squareRoot()]))
        // A window holding an undefined value is undefined.
        #expect(same(Indicators.rollingMean([.nan, 2, 4, 6], 2), [.nan, .nan, 3, 5]))
    }

    @Test func emaStartsAtTheFirstValueAndHidesTheFirstSpanMinusOne() {
        // span 3: alpha 0.5; y = 1, 1.5, 2.25, 3.125; the first two hidden.
        #expect(same(Indicators.ema([1, 2, 3, 4], span: 3), [.nan, .nan, 2.25, 3.125]))
        // Started at the first defined input: span 2, alpha 2/3; y = 2, 2/3*4 + 1/3*2 = 10/3, 2/3*6 + 1/3*10/3 = 46/9.
        #expect(same(Indicators.ema([.nan, .nan, 2, 4, 6], span: 2), [.nan, .nan, .nan, 10.0 / 3, 46.0 / 9]))
    }

    @Test func rsi() {
        // Changes +2, -1, +3, -2: mean gain over 4 = 5/4, mean loss = 3/4, rs = 5/3, rsi = 100 - 100/(8/3) = 62.5.
        let values = Indicators.rsi(close: [10, 12, 11, 14, 12], 4)
        #expect(same(values, [.nan, .nan, .nan, .nan, 62.5]))
        // No losses: the loss mean 0 is taken as 1e-10, so rs = 1e10 and RSI = 100 - 100/(1 + 1e10).
        let rising = Indicators.rsi(close: [1, 2, 3, 4], 3)
        #expect(abs(rising[3] - (100 - 100 / (1 + 1e10))) < 1e-12)
        #expect(rising[3] < 100)
    }

    @Test func trueRangeAndATR() {
        // TR: first = h-l = 2; then max(2, |13-11|, |11-11|) = 2 -> high 13 low 11 prev close 11: 2;
        // third: h 15 l 14 prev close 12: max(1, 3, 2) = 3.
        let tr = Indicators.trueRange(high: [12, 13, 15], low: [10, 11, 14], close: [11, 12, 14.5])
        #expect(tr == [2, 2, 3])
        #expect(same(Indicators.atr(high: [12, 13, 15], low: [10, 11, 14], close: [11, 12, 14.5], 2), [.nan, 2, 2.5]))
    }

    @Test func vwapIsCumulativeFromTheFirstBar() {
        // Typical prices 10 and 20 (h=l=c); volumes 1 and 3: (10 + 60) / 4 = 17.5.
        let v = Indicators.vwap(high: [10, 20], low: [10, 20], close: [10, 20], volume: [1, 3])
        #expect(v == [10, 17.5])
    }

    @Test func obvSignsVolumeByTheCloseChange() {
        // 0; up +200; flat 0; down -50.
        #expect(Indicators.obv(close: [5, 6, 6, 4], volume: [100, 200, 300, 50]) == [0, 200, 200, 150])
    }

    @Test func macdLineSignalHistogram() {
        let close: [Double] = [1, 2, 3, 4, 5, 6]
        let macd = Indicators.macd(close: close, fast: 2, slow: 3, signal: 2)
        let fast = Indicators.ema(close, span: 2), slow = Indicators.ema(close, span: 3)
        #expect(same(macd.line, zip(fast, slow).map { $0 - $1 }))
        // The line is first defined at 2 (slow span 3); the signal starts there and shows from 3.
        #expect(macd.signal[2].isNaN && !macd.signal[3].isNaN)
        #expect(same(macd.histogram, zip(macd.line, macd.signal).map { $0 - $1 }))
    }

    @Test func adxOfAOneWayTrendIs100() {
        // Highs and lows rise by 1 each bar: +DM = 1, -DM = 0, so DX = 100 and ADX = 100.
        // DM starts at bar 1, its 3-sum at bar 3, the 3-mean of DX at bar 5.
        let high = (0..<12).map { Double($0) + 2 }
        let low = (0..<12).map { Double($0) }
        let close = (0..<12).map { Double($0) + 1 }
        let adx = Indicators.adx(high: high, low: low, close: close, 3)
        #expect(adx[0..<5].allSatisfy { $0.isNaN })
        #expect(adx[5...].allSatisfy { abs($0 - 100) < 1e-12 })
    }

    @Test func adxOfFlatPricesIsUndefined() {
        let flat = [Double](repeating: 5, count: 40)
        #expect(Indicators.adx(high: flat, low: flat, close: flat, 14).allSatisfy { $0.isNaN })
    }
}
