import Foundation
import Money

/// How much of a product one unit holds, as its label says: millilitres, grams or pieces
/// (sheets of a face mask). Customs' test of high-end cosmetics prices a product per ml, g or
/// piece of it (Cai Shui [2016] No. 103).
public struct NetContent: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case milliliters = "ml", grams = "g", pieces = "pcs"
    }

    /// In thousandths of the unit, so that 7.5 g is exact.
    public let thousandths: Int64
    public let unit: Unit

    public init(thousandths: Int64, unit: Unit) {
        self.thousandths = thousandths
        self.unit = unit
    }

    /// "50 ml", "7.5g", "30 pcs", "1 piece", "200 克", "50 毫升", "10 片": a positive amount with
    /// at most three decimals and a unit; at most 100 litres, kilograms or thousand pieces.
    public init(parsing text: String) throws(CatalogError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = String(trimmed.prefix { $0.isASCIIDigit || $0 == "." })
        let word = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
        let units: [String: Unit] = ["ml": .milliliters, "毫升": .milliliters, "g": .grams, "克": .grams, "pcs": .pieces, "pc": .pieces,
                                     "piece": .pieces, "pieces": .pieces, "片": .pieces, "张": .pieces]
        guard let unit = units[word] else {
            throw CatalogError(field: "netContent", "give the amount and a unit: ml, g or pcs (\"50 ml\", \"7.5 g\", \"10 pcs\")")
        }
        guard let amount = try? ExactDecimal(parsing: number), amount.scale <= 3, amount.mantissa > 0,
              amount.mantissa <= 100_000 * powerOfTen(amount.scale) else {
            throw CatalogError(field: "netContent", "the amount is a positive number with at most three decimals, up to 100000")
        }
        self.init(thousandths: amount.mantissa * powerOfTen(3 - amount.scale), unit: unit)
    }

    /// "50 ml", "7.5 g", "10 pcs": the form it is stored and shown in.
    public var description: String {
        ExactDecimal(mantissa: thousandths, scale: 3).description + " " + unit.rawValue
    }
}
