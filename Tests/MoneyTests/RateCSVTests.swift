import Foundation
import Money
import Testing

@Suite("Importing rates from CSV")
struct RateCSVTests {
    @Test func readsRows() throws {
        let rates = try RateCSV.parse("""
            base,quote,rate,as_of,source
            USD,CNY,7.1180,2026-11-23T08:00:00Z,PBoC central parity
            CNY,USD,0.140489,2026-11-23T08:00:00Z,PBoC central parity

            """)
        #expect(rates.count == 2)
        #expect(rates[0].base == .USD && rates[0].quote == .CNY)
        #expect(rates[0].rate == (try ExactDecimal(parsing: "7.118")))
        #expect(rates[1].source == "PBoC central parity")
    }

    @Test("every problem names its row and column", arguments: [
        ("USD,CNY,7.1\n", 1, "header"),
        ("base,quote,rate,as_of,source\nUSD,CNY,7.1,2026-11-23T08:00:00Z\n", 2, "*"),
        ("base,quote,rate,as_of,source\nUSD,CNY,7.1,2026-11-23T08:00:00Z,x\nUSX,CNY,7.1,2026-11-23T08:00:00Z,x\n", 3, "base"),
        ("base,quote,rate,as_of,source\nUSD,CNY,seven,2026-11-23T08:00:00Z,x\n", 2, "rate"),
        ("base,quote,rate,as_of,source\nUSD,CNY,-7,2026-11-23T08:00:00Z,x\n", 2, "rate"),
        ("base,quote,rate,as_of,source\nUSD,CNY,7.1,yesterday,x\n", 2, "as_of"),
        ("base,quote,rate,as_of,source\nUSD,CNY,7.1,2026-11-23T08:00:00Z,\n", 2, "source"),
        ("base,quote,rate,as_of,source\nUSD,USD,1,2026-11-23T08:00:00Z,x\n", 2, "quote"),
    ])
    func problems(text: String, row: Int, column: String) {
        #expect {
            try RateCSV.parse(text)
        } throws: { error in
            guard let problem = error as? RateCSV.Problem else { return false }
            return problem.row == row && problem.column == column
        }
    }
}
