import Money

/// Something a storefront sells, in one or more variants (SKUs).
public struct Product: Sendable, Hashable, Identifiable {
    public let id: String
    public let storefrontID: String
    public let name: LocalizedText
    public let description: LocalizedText
    public let category: String
    public let brand: String
    /// The customs tariff heading, 6 to 10 digits; customs rules (tax, consumption tax) key on it.
    public let hsCode: String
    /// ISO 3166-1 alpha-2.
    public let originCountry: String
    /// Why it cannot be shipped to China, or nil when it can.
    public let noShipReason: LocalizedText?
    public let artwork: Artwork
    public let skus: [SKU]

    /// Set when the merchant has uploaded a photo (`PhotoSize`), and moved by every upload so
    /// that a cached copy is not shown for a new one; without one the product's artwork is drawn.
    public var photoRevision: Int64?

    public var shipsToChina: Bool { noShipReason == nil }

    public init(id: String, storefrontID: String, name: LocalizedText, description: LocalizedText, category: String,
                brand: String, hsCode: String, originCountry: String, noShipReason: LocalizedText?,
                artwork: Artwork, skus: [SKU]) {
        self.id = id
        self.storefrontID = storefrontID
        self.name = name
        self.description = description
        self.category = category
        self.brand = brand
        self.hsCode = hsCode
        self.originCountry = originCountry
        self.noShipReason = noShipReason
        self.artwork = artwork
        self.skus = skus
    }
}

/// One purchasable variant: its own price, weight and stock.
public struct SKU: Sendable, Hashable, Identifiable {
    public let id: String
    public let variant: LocalizedText
    public let price: Money
    public let weightGrams: Int64
    public let onHand: Int64
    public let reserved: Int64
    /// What one unit holds (50 ml, 7.5 g, 10 pcs), where a customs rule prices by it.
    public let netContent: NetContent?

    public var available: Int64 { onHand - reserved }

    public init(id: String, variant: LocalizedText, price: Money, weightGrams: Int64, onHand: Int64, reserved: Int64 = 0,
                netContent: NetContent? = nil) {
        self.id = id
        self.variant = variant
        self.price = price
        self.weightGrams = weightGrams
        self.onHand = onHand
        self.reserved = reserved
        self.netContent = netContent
    }
}

/// How the server draws a product's picture: a simple shape in the product's colour. Demo
/// merchants have no photographs, and the platform draws what it shows as SVG.
public struct Artwork: Sendable, Hashable {
    public enum Shape: String, Sendable, CaseIterable {
        case shirt, shoe, bag, jar, tube, bottle, watch, box
    }

    public let shape: Shape
    /// A CSS hex colour, #RRGGBB.
    public let color: String

    public init(shape: Shape, color: String) {
        self.shape = shape
        self.color = color
    }

    /// "shoe:#8b4513", as stored.
    public var code: String { "\(shape.rawValue):\(color)" }

    public init?(code: String) {
        let parts = code.split(separator: ":")
        guard parts.count == 2, let shape = Shape(rawValue: String(parts[0])),
              parts[1].count == 7, parts[1].first == "#", parts[1].dropFirst().allSatisfy(\.isHexDigit)
        else { return nil }
        self.init(shape: shape, color: String(parts[1]))
    }
}
