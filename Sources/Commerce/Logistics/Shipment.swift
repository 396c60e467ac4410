import Foundation
import Money

/// What a merchant says about a parcel it sends to the hub: weight, size and contents.
public struct ShipmentDraft: Sendable, Hashable, Codable {
    public struct Content: Sendable, Hashable, Codable {
        public let hsCode: String
        public let description: String
        public let quantity: Int64
        /// Declared value in CNY, decimal text ("120.50").
        public let value: String

        public init(hsCode: String, description: String, quantity: Int64, value: String) {
            self.hsCode = hsCode
            self.description = description
            self.quantity = quantity
            self.value = value
        }
    }

    public let weightGrams: Int64
    public let lengthMM: Int64
    public let widthMM: Int64
    public let heightMM: Int64
    public let contents: [Content]

    public init(weightGrams: Int64, lengthMM: Int64, widthMM: Int64, heightMM: Int64, contents: [Content]) {
        self.weightGrams = weightGrams
        self.lengthMM = lengthMM
        self.widthMM = widthMM
        self.heightMM = heightMM
        self.contents = contents
    }

    /// A parcel the hub takes: up to 30 kg, each side up to 1.5 m, at least one content line
    /// with a 6- to 10-digit HS code, a quantity from 1 to 999 and a value in CNY.
    public func validated() throws(CatalogError) -> ShipmentDraft {
        guard (1...30_000).contains(weightGrams) else { throw CatalogError(field: "weightGrams", "a parcel weighs 1 g to 30 kg") }
        for (name, side) in [("lengthMM", lengthMM), ("widthMM", widthMM), ("heightMM", heightMM)] where !(1...1_500).contains(side) {
            throw CatalogError(field: name, "each side is 1 to 1,500 mm")
        }
        guard !contents.isEmpty else { throw CatalogError(field: "contents", "say what the parcel holds") }
        for (index, content) in contents.enumerated() {
            guard (6...10).contains(content.hsCode.count), content.hsCode.allSatisfy(\.isASCIIDigit) else {
                throw CatalogError(field: "contents[\(index)].hsCode", "an HS code is 6 to 10 digits")
            }
            guard (1...999).contains(content.quantity) else {
                throw CatalogError(field: "contents[\(index)].quantity", "a quantity from 1 to 999")
            }
            guard !content.description.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CatalogError(field: "contents[\(index)].description", "describe the goods")
            }
            do { _ = try Money(decimal: content.value, currency: .CNY) } catch {
                throw CatalogError(field: "contents[\(index)].value", error.description)
            }
        }
        return self
    }
}
