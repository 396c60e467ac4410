import Commerce
import Foundation
import Money
import Services

/// Accounts, quotes and orders as the JSON API shows them. Mobile numbers appear masked only.
struct ConsumerDocument: Codable {
    let id: String
    let email: String
    let displayName: String

    init(_ consumer: Consumer) {
        id = consumer.id
        email = consumer.email
        displayName = consumer.displayName
    }
}

struct AddressDocument: Codable {
    let id: String
    let province: String
    let city: String
    let district: String
    let street: String
    let recipient: String
    let mobile: String

    init(_ address: SavedAddress) {
        id = address.id
        province = address.province
        city = address.city
        district = address.district
        street = address.street
        recipient = address.recipient
        mobile = address.mobileMasked
    }
}

struct QuoteDocument: Codable {
    struct Line: Codable {
        let skuId: String
        let quantity: Int64
        let unitPrice: ProductDocument.Amount
        let goods: ProductDocument.Amount
        let freight: ProductDocument.Amount
        let tax: ProductDocument.Amount
    }

    struct Parcel: Codable {
        let merchantId: String
        let rate: String
        let rateAsOf: String
        let weightGrams: Int64
        let goods: ProductDocument.Amount
        let freight: ProductDocument.Amount
        let tax: ProductDocument.Amount
        let total: ProductDocument.Amount
        let lines: [Line]
        let deliveryEstimate: EstimateDocument?
    }

    let id: String
    let createdAt: String
    let expiresAt: String
    let total: ProductDocument.Amount
    let parcels: [Parcel]

    init(_ quote: Quote, estimates: [String: DeliveryEstimate]) {
        id = quote.id
        createdAt = quote.createdAt.ISO8601Format()
        expiresAt = quote.expiresAt.ISO8601Format()
        total = .init(quote.total)
        parcels = quote.parcels.map { parcel in
            Parcel(merchantId: parcel.merchantID, rate: "1 \(parcel.rate.base.code) = \(parcel.rate.rate) CNY",
                   rateAsOf: parcel.rate.asOf.ISO8601Format(), weightGrams: parcel.weightGrams, goods: .init(parcel.goods),
                   freight: .init(parcel.freight), tax: .init(parcel.tax), total: .init(parcel.total),
                   lines: parcel.lines.map { line in
                       Line(skuId: line.skuID, quantity: line.quantity, unitPrice: .init(line.unitPrice), goods: .init(line.goodsCNY),
                            freight: .init(line.freightCNY), tax: .init(line.tax.total))
                   }, deliveryEstimate: estimates[parcel.merchantID].map(EstimateDocument.init))
        }
    }
}

struct OrderDocument: Codable {
    struct Line: Codable {
        let skuId: String
        let productId: String
        let name: [String: String]
        let quantity: Int64
        let unitPrice: ProductDocument.Amount
        let goods: ProductDocument.Amount
        let freight: ProductDocument.Amount
        let tax: ProductDocument.Amount
    }

    struct Event: Codable {
        let from: String?
        let to: String
        let actor: String
        let at: String
        let note: String
    }

    let id: String
    let groupId: String
    let merchantId: String
    let status: String
    let goods: ProductDocument.Amount
    let freight: ProductDocument.Amount
    let tax: ProductDocument.Amount
    let total: ProductDocument.Amount
    let deliverTo: String
    let createdAt: String
    let payBy: String
    let lines: [Line]
    let timeline: [Event]

    init(_ order: OrderView) {
        id = order.id
        groupId = order.groupID
        merchantId = order.merchantID
        status = order.status.rawValue
        goods = .init(order.goods)
        freight = .init(order.freight)
        tax = .init(order.tax)
        total = .init(order.total)
        deliverTo = order.deliverTo
        createdAt = order.createdAt.ISO8601Format()
        payBy = order.payBy.ISO8601Format()
        lines = order.lines.map { line in
            Line(skuId: line.skuID, productId: line.productID, name: ProductDocument.both(line.name), quantity: line.quantity,
                 unitPrice: .init(line.unitPrice), goods: .init(line.goods), freight: .init(line.freight), tax: .init(line.tax))
        }
        timeline = order.events.map { event in
            Event(from: event.from?.rawValue, to: event.to.rawValue, actor: event.actor.description, at: event.at.ISO8601Format(),
                  note: event.note)
        }
    }
}

struct IdentityDocument: Codable {
    struct Allowance: Codable {
        let year: Int
        let limit: ProductDocument.Amount
        let used: ProductDocument.Amount
        let left: ProductDocument.Amount
    }

    let name: String
    let idNumber: String
    let mobile: String
    let status: String
    let preApproved: Bool
    let allowance: Allowance?

    init(_ identity: BuyerIdentity, allowance: ImportAllowance?) {
        name = identity.nameMasked
        idNumber = identity.idMasked
        mobile = identity.mobileMasked
        status = identity.status.rawValue
        preApproved = identity.isPreApproved
        self.allowance = allowance.map { Allowance(year: $0.year, limit: .init($0.limit), used: .init($0.used), left: .init($0.left)) }
    }
}
