import Testing
@testable import Evaluation

@Suite struct CrossSectionalSkillTests {
    static func row(_ date: DateKey, _ symbol: String, _ p: Double, _ r: Double?) -> ScoredRow {
        ScoredRow(date: date, symbol: symbol, probability: p, label: nil, forwardReturn: r)
    }

    // 2024-01-02: four symbols (thin). 2024-01-03: all probabilities equal (undefined).
    // 2024-01-04: p = 1...5, r = [2, 4, 5, 4, 5] (the Correlation hand example) plus a row
    // without a forward return, which must be ignored.
    static let rows: [ScoredRow] =
        (1...4).map { row("2024-01-02", "S\($0)", Double($0), Double($0) / 100) }
        + (1...5).map { row("2024-01-03", "S\($0)", 0.5, Double($0)) }
        + zip(1...5, [2.0, 4, 5, 4, 5]).map { row("2024-01-04", "S\($0.0)", Double($0.0), $0.1) }
        + [row("2024-01-04", "S9", 0.99, nil)]

    @Test func skipsAndCountsThinAndUndefinedDates() throws {
        let skill = CrossSectionalSkill(rows: Self.rows.reversed(), minSymbolsPerDate: 5)
        #expect(skill.dates == ["2024-01-04"])
        #expect(skill.thinDates == 1)
        #expect(skill.undefinedDates == 1)
        #expect(abs(try #require(skill.ic.first) - 6 / 60.0.squareRoot()) < 1e-12)
        #expect(abs(try #require(skill.rankIC.first) - 7 / 90.0.squareRoot()) < 1e-12)
    }

    @Test func minimumSymbolsIsAParameter() {
        let skill = CrossSectionalSkill(rows: Self.rows, minSymbolsPerDate: 4)
        #expect(skill.dates == ["2024-01-02", "2024-01-04"])
        #expect(skill.thinDates == 0)
    }
}

@Suite struct TopKExcessTests {
    static func row(_ symbol: String, _ p: Double, _ r: Double) -> ScoredRow {
        ScoredRow(date: "2024-01-02", symbol: symbol, probability: p, label: nil, forwardReturn: r)
    }

    // Universe mean (0.05 + 0.01 - 0.02 + 0) / 4 = 0.01.
    static let day = [row("D", 0.1, 0), row("B", 0.9, 0.01), row("C", 0.5, -0.02), row("A", 0.9, 0.05)]

    @Test func topTwoMinusUniverse() throws {
        let topK = TopKExcess(rows: Self.day, k: 2)
        #expect(topK.dates == ["2024-01-02"])
        #expect(abs(try #require(topK.excess.first) - (0.03 - 0.01)) < 1e-12)
    }

    // A and B tie at 0.9: A wins on name, so the excess is 0.05 - 0.01, not 0.01 - 0.01.
    @Test func tiesGoToTheFirstSymbolName() throws {
        let topK = TopKExcess(rows: Self.day, k: 1)
        #expect(abs(try #require(topK.excess.first) - 0.04) < 1e-12)
    }

    @Test func aDateNeedsMoreThanKSymbols() {
        #expect(TopKExcess(rows: Self.day, k: 4).dates.isEmpty)
        #expect(TopKExcess(rows: Self.day, k: 0).dates.isEmpty)
    }
}
