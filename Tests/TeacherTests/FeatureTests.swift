import Foundation
import MarketData
import Testing
@testable import Teacher

@Suite struct FeatureTests {
    /// Expected rows from an independent pandas implementation (pandas 3.0.1, numpy 2.4):
    ///
    ///     i = np.arange(70); close = 100 + ((i*7) % 13) - 6 + 0.25*i + ((i*i) % 5)*0.5
    ///     high = close + 1 + (i%3)*0.5; low = close - 1 - (i%4)*0.25; volume = 1000. + ((i*37) % 11)*100
    ///     sma_n = close.rolling(n).mean(); ema_n = close.ewm(span=n, adjust=False, min_periods=n).mean()
    ///     d = close.diff(); rs = d.clip(lower=0).rolling(14).mean() / (-d.clip(upper=0)).rolling(14).mean().replace(0, 1e-10)
    ///     rsi = 100 - 100/(1+rs); tr = max(high-low, |high-close.shift()|, |low-close.shift()|); atr = tr.rolling(14).mean()
    ///     vwap = (tp*volume).cumsum()/volume.cumsum(), tp = (high+low+close)/3
    ///     bb = close.rolling(20).mean() +- 2*close.rolling(20).std()
    ///     macd = ema_12 - ema_26; signal = macd.ewm(span=9, adjust=False, min_periods=9).mean(); hist = macd - signal
    ///     up = high.diff(); down = -low.diff(); pdm = where((up>down)&(up>0), up, 0); mdm = where((down>up)&(down>0), down, 0)
    ///     pdi = 100*pdm.rolling(14).sum()/atr; mdi = likewise; adx = (100*|pdi-mdi|/(pdi+mdi)).rolling(14).mean()
    ///     obv = (sign(close.diff()).fillna(0)*volume).cumsum()
    ///     print(f.loc[r]) for r in (49, 57, 69); first complete row: 49
    static let pandasRows: [Int: [Double]] = [
        49: [110.975, 107.005, 112.2402437785927, 110.18548979207033, 48.913043478260875, 8.0, 106.98460508701474, 119.58787286260312, 110.975, 102.36212713739687, 2.054753986522371, 1.9125165697658058, 0.14223741675656543, 6.361839068118804, -7100.0],
        57: [112.425, 109.105, 113.63282318571197, 111.9350219162869, 55.833333333333336, 7.892857142857143, 107.90176855055746, 120.98146877483539, 112.425, 103.8685312251646, 1.6978012694250708, 1.6957732695634906, 0.0020279998615801986, 7.50274311847341, -8500.0],
        69: [115.575, 112.125, 116.08806582114015, 114.74325338583158, 48.901098901098905, 7.839285714285714, 109.41722595078299, 123.91340196730857, 115.575, 107.23659803269143, 1.3448124353085689, 1.6793350886036482, -0.33452265329507935, 6.478262967189609, -11100.0],
    ]

    @Test func matchesAnIndependentPandasImplementation() throws {
        let columns = FeatureSet.columns(TestBars.referenceSeries())
        #expect(columns.count == 15)
        for (row, expected) in Self.pandasRows {
            for (f, value) in expected.enumerated() {
                let actual = columns[f][row]
                #expect(abs(actual - value) <= 1e-9 * max(1, abs(value)), "\(FeatureSet.names[f]) at row \(row): \(actual) vs \(value)")
            }
        }
        let firstComplete = (0..<70).first { t in columns.allSatisfy { $0[t].isFinite } }
        #expect(firstComplete == FeatureSet.longestLookback)
    }
}
