import Foundation

/// What one order shows the risk signals: who it is counted under, where it goes, what it was
/// ordered from and paid with, and what it buys. Every attribute is a key (a keyed fingerprint or
/// a normalised form), never the identity number, address or phone itself.
public struct RiskObservation: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public let skuID: String
        public let quantity: Int64

        public init(skuID: String, quantity: Int64) {
            self.skuID = skuID
            self.quantity = quantity
        }
    }

    public let orderID: String
    /// Milliseconds since 1970.
    public let at: Int64
    /// The identity the order is counted under (its number's fingerprint).
    public let identity: String
    /// `RiskAddress.key` of the delivery address, fingerprinted.
    public let address: String
    /// The recipient phone, normalised and fingerprinted.
    public let phone: String
    /// The first-party device identifier the order came from; nil when none was sent.
    public let device: String?
    /// The account the money came from, as the payment names it.
    public let payer: String
    public let merchantID: String
    public let lines: [Line]
    /// The order's value against the limits (goods, freight and tax), in fen.
    public let value: Int64
    /// The identity's allowance used this year with this order, in fen.
    public let allowanceUsed: Int64

    public init(orderID: String, at: Int64, identity: String, address: String, phone: String, device: String?, payer: String,
                merchantID: String, lines: [Line], value: Int64, allowanceUsed: Int64) {
        self.orderID = orderID
        self.at = at
        self.identity = identity
        self.address = address
        self.phone = phone
        self.device = device
        self.payer = payer
        self.merchantID = merchantID
        self.lines = lines
        self.value = value
        self.allowanceUsed = allowanceUsed
    }

    /// The lines as one text (sku*quantity;…), for storing.
    public var linesText: String { lines.map { "\($0.skuID)*\($0.quantity)" }.joined(separator: ";") }

    public static func lines(_ text: String) -> [Line] {
        text.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: "*")
            guard pieces.count == 2, let quantity = Int64(pieces[1]) else { return nil }
            return Line(skuID: String(pieces[0]), quantity: quantity)
        }
    }
}
