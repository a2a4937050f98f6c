import Foundation
@testable import MarketData

/// A fresh temporary directory per call, removed by the caller's `defer`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sq-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func fixture(_ path: String) -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(path)
}

func day(_ text: String) -> CalendarDay { CalendarDay(text)! }

func dailyBar(_ d: String, close: Double, volume: Double = 1000) -> Bar {
    Bar(timestamp: day(d).startEpochSeconds, open: close - 1, high: close + 2, low: close - 2, close: close, volume: volume)
}
