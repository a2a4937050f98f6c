import Foundation
import SystemIO
import Testing
@testable import MarketData

/// The CSV reader against generated input: random bytes, and valid files cut, spliced and
/// mutated. No input may crash it; each either parses or is refused with a `CSVError`.
/// `SENSEQUANT_FUZZ_ITERATIONS` runs it longer (`make fuzz`).
@Suite struct CSVFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["SENSEQUANT_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 3000
    }

    static let valid = Array("""
        timestamp,open,high,low,close,volume
        2024-01-01 09:15:00+05:30,100.5,101,99.75,100.25,1200
        2024-01-02,101,102.5,100,102,1300
        2024-01-03T09:15:00Z,102,103,101,102.5,1e3

        """.utf8)

    static let tokens: [[UInt8]] = [",", "\n", "\r\n", "\"", "-", "+05:30", "Z", "T", ":", ".", "e", "nan", "inf", "1e308", "-0",
                                    "\u{FEFF}", "date", "open", "9999-99-99", "2024-02-30", " ", "\t", "\0", "ü"].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0...Int(rng.next() % 4) {
            let at = bytes.isEmpty ? 0 : Int(rng.next() % UInt64(bytes.count + 1))
            switch rng.next() % 5 {
            case 0: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
            case 1: if at < bytes.count { bytes.remove(at: at) }
            case 2: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
            case 3: bytes = Array(bytes.prefix(at))
            default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
            }
        }
        return bytes
    }

    @Test func noInputCrashesTheReader() throws {
        var rng = SplitMix64(state: 20_241_105)
        var parsed = 0, refused = 0
        for k in 0..<Self.iterations {
            let input = k % 5 == 0
                ? (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                : Self.mutate(Self.valid, &rng)
            do {
                let result = try BarCSV.parse(input, file: "fuzz.csv")
                for bar in result.bars { #expect(bar.timestamp == bar.timestamp) }
                parsed += 1
            } catch let error as CSVError {
                #expect(error.file == "fuzz.csv")
                refused += 1
            }
            _ = Timestamp.parse(input.prefix(40))
            _ = DecimalText.parse(ArraySlice(input.prefix(70)))
        }
        #expect(parsed + refused == Self.iterations)
        #expect(parsed > 0 && refused > 0, "the generator reaches both outcomes")
    }

    @Test func importValidationNeverCrashesOnGeneratedFiles() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var rng = SplitMix64(state: 7)
        let calendar = try TradingCalendar.nse()
        for k in 0..<max(1, Self.iterations / 20) {
            let file = dir.appendingPathComponent("f\(k).csv")
            try Data(Self.mutate(Self.valid, &rng)).write(to: file)
            do {
                _ = try CSVImport.validate(files: [file], interval: .oneDay, lenient: k % 2 == 0, calendar: calendar)
            } catch is ClassifiedError {
            }
        }
    }
}
