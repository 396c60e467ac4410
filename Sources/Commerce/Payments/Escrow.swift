import Ledger
import Money

/// What one order of a group costs the buyer, in CNY, and whom it will pay.
public struct OrderAmounts: Sendable, Hashable {
    public let orderID: String
    public let merchantID: String
    public let merchantCurrency: Currency
    public let goods: Money
    public let freight: Money
    public let tax: Money
    /// Goods, freight and tax, added once, checked.
    public let total: Money

    public init(orderID: String, merchantID: String, merchantCurrency: Currency, goods: Money, freight: Money, tax: Money) throws(MoneyError) {
        self.orderID = orderID
        self.merchantID = merchantID
        self.merchantCurrency = merchantCurrency
        self.goods = goods
        self.freight = freight
        self.tax = tax
        self.total = try Money.total(goods, freight, tax)
    }
}

/// The three parts of an order's escrow, each held by its own pending transfer until release.
public enum EscrowPart: String, Sendable, CaseIterable, Codable {
    case goods, tax, freight

    /// Where the part goes when it is released: the goods into the CNY liquidity account (to be
    /// converted for the merchant), tax to customs, freight to the carrier.
    public var destination: Account {
        switch self {
        case .goods: return Books.fxLiquidity(.CNY)
        case .tax: return Books.customsTax
        case .freight: return Books.freight
        }
    }

    public func amount(of order: OrderAmounts) -> Money {
        switch self {
        case .goods: return order.goods
        case .tax: return order.tax
        case .freight: return order.freight
        }
    }
}

/// An open hold on an order's escrow: a pending transfer not yet posted or voided.
public struct EscrowHold: Sendable, Hashable {
    public let transferID: String
    public let part: EscrowPart
    public let amount: Money

    public init(transferID: String, part: EscrowPart, amount: Money) {
        self.transferID = transferID
        self.part = part
        self.amount = amount
    }
}

/// How a paid order group enters the books.
public enum Escrow {
    /// The accounts a payment touches.
    public static func accounts(channel: String, consumerID: String, orders: [OrderAmounts]) -> [Account] {
        [Books.channel(channel), Books.buyer(consumerID), Books.freight, Books.customsTax, Books.fxLiquidity(.CNY)]
            + orders.map { Books.escrow($0.orderID) }
    }

    /// One linked batch: the channel pays the buyer's funding account the whole amount, the
    /// buyer's money moves into each order's escrow, and each order's escrow is split by
    /// pending transfers into goods, tax and freight.
    public static func paying(paymentID: String, channel: String, consumerID: String, orders: [OrderAmounts]) throws(MoneyError)
        -> [TransferRequest] {
        let total = try Money.sum(orders.map(\.total), currency: .CNY)
        let buyer = Books.buyer(consumerID).id
        var requests: [TransferRequest] = [
            .single(id: "pay:\(paymentID)", debit: Books.channel(channel).id, credit: buyer, amount: total, code: "payment"),
        ]
        for order in orders {
            let escrow = Books.escrow(order.orderID).id
            requests.append(.single(id: "escrow:\(order.orderID)", debit: buyer, credit: escrow, amount: order.total, code: "escrow"))
            for part in EscrowPart.allCases where part.amount(of: order).minorUnits > 0 {
                requests.append(.pending(id: holdID(order.orderID, part, version: "1"), debit: escrow, credit: part.destination.id,
                                         amount: part.amount(of: order), code: "hold:\(part.rawValue)"))
            }
        }
        return requests
    }

    /// A hold's transfer id: the order, the part, and which hold of that part it is (a partial
    /// refund replaces a hold by a smaller one).
    public static func holdID(_ orderID: String, _ part: EscrowPart, version: String) -> String {
        "hold:\(orderID):\(part.rawValue):\(version)"
    }
}
